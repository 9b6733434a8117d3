package dev.gastown.beads.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.testing.Corpora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashIdsTest {

    /**
     * The corpora hold the title, description, creator and creation time of every issue, so where those were not
     * edited later the original's id must come out of our hash again. A chance match of four or five base-36 digits
     * is about one in a million, so hundreds of matches mean the algorithm is the same.
     */
    @Test
    void reproducesTheOriginalsIdsFromTheCorpora() throws Exception {
        for (Path f : Corpora.issueFiles()) {
            int matched = 0;
            for (String line : Files.readAllLines(f)) {
                Issue i = IssueCodec.parseLine(line);
                String id = i.id();
                if (IssueIds.isHierarchical(id) || id.chars().filter(c -> c == '-').count() != 1) {
                    continue;
                }
                String suffix = id.substring(id.indexOf('-') + 1);
                for (int nonce = 0; nonce < 10; nonce++) {
                    if (HashIds.hash(i.title(), i.description(), i.createdBy(), i.createdAt().epochNanos(), nonce,
                            suffix.length()).equals(suffix)) {
                        matched++;
                        break;
                    }
                }
            }
            assertThat(matched).as(f.toString()).isGreaterThan(100);
        }
    }

    @Test
    void lengthGrowsWithTheNumberOfIdsUnderThePrefix() {
        assertThat(HashIds.lengthFor(0)).isEqualTo(3);
        assertThat(HashIds.lengthFor(160)).isEqualTo(3);
        assertThat(HashIds.lengthFor(170)).isEqualTo(4);
        assertThat(HashIds.lengthFor(980)).isEqualTo(4);
        assertThat(HashIds.lengthFor(990)).isEqualTo(5);
        assertThat(HashIds.lengthFor(5_800)).isEqualTo(5);
        assertThat(HashIds.lengthFor(6_000)).isEqualTo(6);
        assertThat(HashIds.lengthFor(200_000)).isEqualTo(7);
        assertThat(HashIds.lengthFor(10_000_000)).isEqualTo(8);
    }

    @Test
    void takenIdsAreRetriedWithNoncesThenLongerIds() {
        long t = Timestamp.parse("2026-01-01T00:00:00Z").epochNanos();
        Set<String> seen = new HashSet<>();
        String first = HashIds.mint("gt", "same", "", "me", t, 0, id -> false);
        assertThat(first).matches("gt-[0-9a-z]{3}");
        // Every 3-character candidate taken: the ten nonces are tried, then length 4.
        String longer = HashIds.mint("gt", "same", "", "me", t, 0, id -> id.length() == 6 && seen.add(id) | true);
        assertThat(longer).matches("gt-[0-9a-z]{4}");
        assertThat(seen).hasSize(10);
        assertThatThrownBy(() -> HashIds.mint("gt", "same", "", "me", t, 0, id -> true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idFacts() {
        assertThat(IssueIds.parentOf("gt-abc.1.2")).isEqualTo("gt-abc.1");
        assertThat(IssueIds.depth("gt-abc.1.2.3")).isEqualTo(3);
        assertThat(IssueIds.isHierarchical("gt-mol.iter3.move")).isFalse();
        assertThat(IssueIds.isValid("gt a")).isFalse();
        assertThat(IssueIds.isValid("gt/a")).isFalse();
    }
}
