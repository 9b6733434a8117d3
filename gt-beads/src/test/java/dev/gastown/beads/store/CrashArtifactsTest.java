package dev.gastown.beads.store;

import static dev.gastown.beads.store.StoreTestSupport.issue;
import static dev.gastown.beads.store.StoreTestSupport.newStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an interrupted write leaves behind, made on purpose: each must read as the state before the write. */
class CrashArtifactsTest {
    @TempDir
    Path tmp;

    private Store journalStore() {
        Store s = newStore(tmp);
        s.policy(new CompactionPolicy(-1, 1000, 1 << 30, 1000));
        return s;
    }

    private static void add(Store s, String id) {
        s.write(tx -> {
            tx.put(issue(id, Status.OPEN));
            return null;
        });
    }

    @Test
    void aTornJournalFrameIsIgnoredThenCutOff() throws Exception {
        Store s = journalStore();
        add(s, "c-1");
        add(s, "c-2");
        Path journal = s.dir().journal();
        byte[] whole = Files.readAllBytes(journal);
        add(s, "c-3");
        byte[] withThird = Files.readAllBytes(journal);
        // A kill in the middle of the third append: only part of its frame reached the file.
        Files.write(journal, Arrays.copyOf(withThird, whole.length + (withThird.length - whole.length) / 2));
        Store fresh = Store.open(s.dir());
        assertThat(fresh.read((StoreView v) -> v.contains("c-3"))).isFalse();
        assertThat(fresh.read(StoreView::size)).isEqualTo(2);
        assertThat(fresh.health().journalTornTail()).isTrue();
        add(fresh, "c-4");
        Store again = Store.open(s.dir());
        assertThat(again.read(StoreView::size)).isEqualTo(3);
        assertThat(again.health().journalTornTail()).isFalse();
    }

    @Test
    void aDamagedJournalHeaderStopsWithAClearMessageInsteadOfDroppingChanges() throws Exception {
        Store s = journalStore();
        add(s, "c-1");
        byte[] bytes = Files.readAllBytes(s.dir().journal());
        bytes[3] ^= 0x55;
        Files.write(s.dir().journal(), bytes);
        assertThatThrownBy(() -> Store.open(s.dir()).read(StoreView::size))
                .isInstanceOf(StoreException.class).hasMessageContaining("damaged header");
    }

    @Test
    void leftoverTempFilesFromAnInterruptedCompactionAreIgnored() throws Exception {
        Store s = newStore(tmp);
        add(s, "c-1");
        Files.writeString(s.dir().path().resolve("issues.jsonl.123.456.tmp"), "{\"half\":");
        Files.writeString(s.dir().path().resolve("index.bin.123.457.tmp"), "garbage");
        Store fresh = Store.open(s.dir());
        assertThat(fresh.read(StoreView::size)).isEqualTo(1);
        add(fresh, "c-2");
        assertThat(Files.readAllLines(s.dir().issuesJsonl())).hasSize(2);
    }

    @Test
    void aDamagedOrMissingIndexIsRebuiltFromTheJsonl() throws Exception {
        Store s = newStore(tmp);
        add(s, "c-1");
        add(s, "c-2");
        Files.write(s.dir().index(), new byte[] {1, 2, 3}, StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(Store.open(s.dir()).read(StoreView::size)).isEqualTo(2);
        Files.delete(s.dir().index());
        assertThat(Store.open(s.dir()).read((StoreView v) -> v.get("c-2").title())).isEqualTo("Issue c-2");
    }

    @Test
    void journalChangesSurviveAGitPullThatRewroteIssuesJsonl() throws Exception {
        Store s = journalStore();
        add(s, "c-1");
        s.compact();
        add(s, "c-2");
        // Someone else's change arrives through git: a new issue, written by another clone.
        String incoming = dev.gastown.beads.codec.IssueCodec.toLine(issue("c-0", Status.OPEN));
        Path jsonl = s.dir().issuesJsonl();
        Files.writeString(jsonl, incoming + "\n" + Files.readString(jsonl));
        Store fresh = Store.open(s.dir());
        assertThat(fresh.read(StoreView::size)).isEqualTo(3);
        add(fresh, "c-3");
        assertThat(Files.readAllLines(jsonl)).hasSize(4);
    }
}
