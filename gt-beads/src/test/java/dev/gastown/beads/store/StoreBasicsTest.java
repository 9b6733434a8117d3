package dev.gastown.beads.store;

import static dev.gastown.beads.store.StoreTestSupport.dep;
import static dev.gastown.beads.store.StoreTestSupport.issue;
import static dev.gastown.beads.store.StoreTestSupport.lines;
import static dev.gastown.beads.store.StoreTestSupport.newStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreBasicsTest {
    @TempDir
    Path tmp;

    @Test
    void writesAreVisibleToLaterReadsAndToOtherStoreInstances() {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-b", Status.OPEN));
            tx.put(issue("t-a", Status.OPEN));
            assertThat(tx.contains("t-a")).isTrue();
            return null;
        });
        assertThat(store.read((StoreView v) -> v.get("t-a").title())).isEqualTo("Issue t-a");
        Store other = Store.open(store.dir());
        assertThat(other.read(StoreView::size)).isEqualTo(2);
        assertThat(lines(store.dir().issuesJsonl())).hasSize(2).first().asString().startsWith("{\"id\":\"t-a\"");
    }

    @Test
    void aFailedTransactionWritesNothing() {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-1", Status.OPEN));
            return null;
        });
        assertThatThrownBy(() -> store.write(tx -> {
            tx.put(issue("t-2", Status.OPEN));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.read((StoreView v) -> v.contains("t-2"))).isFalse();
        assertThat(lines(store.dir().issuesJsonl())).hasSize(1);
    }

    @Test
    void wispsLiveInTheirOwnFileAndNeverInIssuesJsonl() {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-1", Status.OPEN));
            tx.put(issue("t-wisp-1", Status.OPEN).toBuilder().ephemeral(true).build());
            return null;
        });
        assertThat(lines(store.dir().issuesJsonl())).hasSize(1).noneMatch(l -> l.contains("wisp"));
        assertThat(lines(store.dir().wispsJsonl())).hasSize(1);
        assertThat(Store.open(store.dir()).read((StoreView v) -> v.get("t-wisp-1").ephemeral())).isTrue();
        store.write(tx -> {
            tx.delete("t-wisp-1");
            return null;
        });
        assertThat(Files.exists(store.dir().wispsJsonl())).isFalse();
    }

    @Test
    void journalModeKeepsChangesDurableAndCompactsLater() {
        Store store = newStore(tmp);
        store.policy(new CompactionPolicy(-1, 3, 1 << 20, 100));
        for (int i = 0; i < 3; i++) {
            String id = "t-" + i;
            store.write(tx -> {
                tx.put(issue(id, Status.OPEN));
                return null;
            });
        }
        assertThat(lines(store.dir().issuesJsonl())).isEmpty();
        assertThat(Files.exists(store.dir().journal())).isTrue();
        // A fresh process (another Store instance) sees journal changes.
        assertThat(Store.open(store.dir()).read((StoreView v) -> v.size())).isEqualTo(3);
        store.write(tx -> {
            tx.put(issue("t-3", Status.OPEN));
            return null;
        });
        assertThat(lines(store.dir().issuesJsonl())).hasSize(4);
        assertThat(Files.exists(store.dir().journal())).isFalse();
    }

    @Test
    void aJsonlChangedUnderneathIsReindexed() throws Exception {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-1", Status.OPEN));
            return null;
        });
        assertThat(store.read((StoreView v) -> v.size())).isEqualTo(1);
        Issue other = issue("t-0", Status.OPEN);
        Path jsonl = store.dir().issuesJsonl();
        Files.writeString(jsonl, dev.gastown.beads.codec.IssueCodec.toLine(other) + "\n" + Files.readString(jsonl));
        assertThat(store.read((StoreView v) -> v.size())).isEqualTo(2);
        assertThat(store.read((StoreView v) -> v.get("t-0").title())).isEqualTo("Issue t-0");
    }

    @Test
    void aMalformedLineNamesFileAndLineAndNothingIsWritten() throws Exception {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-1", Status.OPEN));
            return null;
        });
        Path jsonl = store.dir().issuesJsonl();
        String before = Files.readString(jsonl) + "{\"id\":\"t-2\",\"title\":\n";
        Files.writeString(jsonl, before);
        assertThatThrownBy(() -> store.read((StoreView v) -> v.size()))
                .isInstanceOf(CorruptLineException.class)
                .hasMessageContaining("issues.jsonl:2:");
        assertThatThrownBy(() -> store.write(tx -> {
            tx.put(issue("t-3", Status.OPEN));
            return null;
        })).isInstanceOf(CorruptLineException.class);
        assertThat(Files.readString(jsonl)).isEqualTo(before);
    }

    @Test
    void blockingFollowsEdgesAndParents() {
        Store store = newStore(tmp);
        store.write(tx -> {
            tx.put(issue("t-a", Status.OPEN));
            tx.put(issue("t-b", Status.OPEN, dep("t-b", "t-a", DependencyType.BLOCKS)));
            tx.put(issue("t-c", Status.OPEN, dep("t-c", "t-b", DependencyType.PARENT_CHILD)));
            return null;
        });
        assertThat(store.read((StoreView v) -> v.isBlocked("t-b"))).isTrue();
        assertThat(store.read((StoreView v) -> v.isBlocked("t-c"))).isTrue();
        assertThat(store.read((StoreView v) -> v.children("t-b"))).containsExactly("t-c");
        store.write(tx -> {
            tx.put(tx.get("t-a").toBuilder().status(Status.CLOSED).closedAt(StoreTestSupport.tick()).build());
            return null;
        });
        assertThat(store.read((StoreView v) -> v.isBlocked("t-c"))).isFalse();
    }
}
