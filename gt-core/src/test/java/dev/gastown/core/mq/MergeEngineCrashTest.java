package dev.gastown.core.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.identity.Address;
import dev.gastown.core.mq.Checkpoint.Stage;
import dev.gastown.core.mq.MergeOutcome.Kind;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine is stopped at each stage, as a crash would stop it; the next run must finish the merge exactly once. */
class MergeEngineCrashTest {
    static final Address WITNESS = new Address.Witness(TownFixture.RIG);

    /** What the checkpoint throws: the process "dies" here. */
    static final class Crash extends RuntimeException {
        Crash(Stage stage) {
            super("crashed at " + stage);
        }
    }

    @TempDir
    Path tmp;

    Workbench w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Workbench(tmp);
    }

    private static Checkpoint crashAt(Stage at) {
        return (stage, mr) -> {
            if (stage == at) {
                throw new Crash(stage);
            }
        };
    }

    private Submitter.Submitted submitted(String title, String file, String content) throws Exception {
        Address.Polecat p = w.sling(w.issue(title));
        w.commit(p, file, content, title);
        return w.done(p).submitted().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"REBASED", "TESTED", "INTENT_RECORDED", "PUSHED", "ISSUE_CLOSED",
        "RECORDED", "LANDED", "MAILED", "BRANCH_DELETED"})
    void aMergeInterruptedAtAnyStageIsFinishedExactlyOnceByTheNextRun(Stage stage) throws Exception {
        w.settings(w.settings().withTestCommand("test -f a.txt"));
        Submitter.Submitted s = submitted("Change A", "a.txt", "a\n");
        String convoy = new Convoys(w.mayor).create("Work A", List.of(s.issue()), Address.MAYOR, "");

        assertThatThrownBy(() -> w.process(crashAt(stage))).isInstanceOf(Crash.class);
        if (w.originHead(s.branch()).isEmpty()) {
            assertThat(w.originLog()).as("a deleted branch must be merged").contains("Change A");
        }

        MergeEngine.Run rerun = w.process();

        boolean recorded = stage.compareTo(Stage.RECORDED) >= 0;
        assertThat(rerun.outcome().kind()).isEqualTo(recorded ? Kind.EMPTY : Kind.MERGED);
        assertThat(rerun.resumed()).isEqualTo(recorded ? List.of(s.mr().id()) : List.of());
        assertThat(Collections.frequency(w.originLog(), "Change A")).isEqualTo(1);
        assertThat(w.originFile("a.txt")).isEqualTo("a");
        MergeRequest mr = w.mr(s.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.MERGED);
        assertThat(mr.bead().labels()).doesNotContain(FollowUp.PENDING);
        assertThat(w.bead(s.issue()).status()).isEqualTo(Status.CLOSED);
        assertThat(w.originHead(s.branch())).isEmpty();
        assertThat(w.subjects(WITNESS)).contains("MERGED furiosa");
        assertThat(w.bead(convoy).status()).isEqualTo(Status.CLOSED);
        assertThat(w.subjects(Address.MAYOR)).containsExactly("🚚 Convoy landed: Work A");
        assertThat(Git.run(w.refinery(), "status", "--porcelain")).isEmpty();
        assertThat(Git.run(w.refinery(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");

        String main = w.originHead("main").orElseThrow();
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.EMPTY);
        assertThat(w.originHead("main")).contains(main);
    }

    @Test
    void aRunStoppedInTheMiddleOfAConflictingRebaseLeavesNothingBehind() throws Exception {
        submitted("First", "README", "first\n");
        Submitter.Submitted second = submitted("Second", "README", "second\n");
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);

        assertThatThrownBy(() -> w.process(crashAt(Stage.REBASE_STOPPED))).isInstanceOf(Crash.class);
        Path rebaseDir = w.refinery().resolve(Git.run(w.refinery(), "rev-parse", "--git-path", "rebase-merge"));
        assertThat(Files.exists(rebaseDir)).as("the crash left a rebase in progress").isTrue();

        MergeEngine.Run rerun = w.process();

        assertThat(rerun.outcome().kind()).isEqualTo(Kind.CONFLICT);
        assertThat(resolveTasks()).hasSize(1);
        assertThat(Git.run(w.refinery(), "status", "--porcelain")).isEmpty();
        assertThat(Files.exists(rebaseDir)).isFalse();
        assertThat(w.originHead(second.branch())).contains(second.sha());
    }

    @Test
    void aConflictRecordedButNotYetAnnouncedIsAnnouncedByTheNextRun() throws Exception {
        submitted("First", "README", "first\n");
        Submitter.Submitted second = submitted("Second", "README", "second\n");
        w.process();

        assertThatThrownBy(() -> w.process(crashAt(Stage.RECORDED))).isInstanceOf(Crash.class);
        assertThat(w.subjects(WITNESS)).doesNotContain("MERGE_FAILED nux");

        MergeEngine.Run rerun = w.process();

        assertThat(rerun.outcome().kind()).isEqualTo(Kind.EMPTY);
        assertThat(rerun.resumed()).containsExactly(second.mr().id());
        assertThat(w.subjects(WITNESS)).contains("MERGE_FAILED nux");
        assertThat(resolveTasks()).hasSize(1);
        assertThat(w.mr(second.mr().id()).state()).isEqualTo(MergeRequest.State.BLOCKED);
    }

    private List<String> resolveTasks() {
        return w.mayor.read(w.mayor.rig(TownFixture.RIG), v -> {
            List<String> ids = new ArrayList<>();
            v.forEachIssue(r -> {
                if (r.type().equals(IssueType.TASK) && v.get(r.id()).title().startsWith("Resolve merge conflicts")) {
                    ids.add(r.id());
                }
            });
            return ids;
        });
    }
}
