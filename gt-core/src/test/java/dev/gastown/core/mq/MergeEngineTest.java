package dev.gastown.core.mq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mq.MergeOutcome.Kind;
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.testing.TownFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeEngineTest {
    static final Address WITNESS = new Address.Witness(TownFixture.RIG);

    @TempDir
    Path tmp;

    Workbench w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Workbench(tmp);
    }

    /** A polecat with one commit on its own file, submitted. */
    private Submitter.Submitted submitted(String title, String file, String content) throws Exception {
        Address.Polecat p = w.sling(w.issue(title));
        w.commit(p, file, content, title);
        return w.done(p).submitted().orElseThrow();
    }

    private void assertRefineryCleanOnMain() {
        assertThat(Git.run(w.refinery(), "status", "--porcelain")).isEmpty();
        assertThat(Git.run(w.refinery(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
        assertThat(Git.run(w.refinery(), "rev-parse", "HEAD")).isEqualTo(w.originHead("main").orElseThrow());
        assertThat(Git.run(w.refinery(), "branch", "--list", RefineryCheckout.SCRATCH)).isEmpty();
    }

    @Test
    void aCleanBranchIsMergedRecordedAnnouncedAndItsBranchDeleted() throws Exception {
        Submitter.Submitted s = submitted("Add greeting", "greeting.txt", "hello\n");

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.MERGED);
        MergeOutcome.Merged m = (MergeOutcome.Merged) run.outcome();
        assertThat(m.alreadyOnTarget()).isFalse();
        assertThat(w.originHead("main")).contains(m.sha());
        assertThat(w.originFile("greeting.txt")).isEqualTo("hello");
        MergeRequest mr = w.mr(s.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.MERGED);
        assertThat(mr.bead().closeReason()).isEqualTo("Merged to main at " + m.sha());
        assertThat(mr.mergeCommit()).contains(m.sha());
        assertThat(mr.bead().labels()).doesNotContain(FollowUp.PENDING);
        assertThat(w.bead(s.issue()).status()).isEqualTo(Status.CLOSED);
        assertThat(w.originHead(s.branch())).isEmpty();
        Message merged = w.mail(WITNESS).get(0);
        assertThat(merged.subject()).isEqualTo("MERGED furiosa");
        assertThat(merged.body()).contains("MR: " + mr.id(), "Issue: " + s.issue(), "SHA: " + m.sha());
        assertThat(new EventLog(w.f.town).readAll()).extracting(Event::type).contains("merged");
        assertThat(run.toJson().string("outcome")).isEqualTo("MERGED");
        assertThat(run.toJson().keys()).containsExactly("outcome", "mr", "branch", "issue", "target", "resolve_task",
                "sha", "detail", "files", "resumed");
        assertRefineryCleanOnMain();
    }

    @Test
    void mergedBranchesStayWhenTheRigSaysSo() throws Exception {
        w.settings(new RigSettings("main", "", false, "mad_max", List.of(), ""));
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);
        assertThat(w.originHead(s.branch())).contains(s.sha());
    }

    @Test
    void anEmptyQueueSaysSo() {
        MergeEngine.Run run = w.process();
        assertThat(run.outcome().kind()).isEqualTo(Kind.EMPTY);
        assertThat(run.outcome().kind().exitCode()).isEqualTo(10);
        assertThat(run.toJson().get("mr")).isEqualTo(JsonNull.INSTANCE);
        assertRefineryCleanOnMain();
    }

    @Test
    void aConflictFilesATaskTheRequestWaitsOnAndKeepsEverything() throws Exception {
        Submitter.Submitted first = submitted("First", "README", "first\n");
        Submitter.Submitted second = submitted("Second", "README", "second\n");
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);
        String mainBefore = w.originHead("main").orElseThrow();

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.CONFLICT);
        MergeOutcome.Conflict c = (MergeOutcome.Conflict) run.outcome();
        assertThat(c.files()).containsExactly("README");
        assertThat(c.targetSha()).isEqualTo(mainBefore);
        Issue task = w.bead(c.task());
        assertThat(task.title()).isEqualTo("Resolve merge conflicts: " + second.branch());
        assertThat(task.priority()).isEqualTo(1);
        assertThat(task.description()).contains("mr: " + second.mr().id(), "branch: " + second.branch(), "- README");
        MergeRequest mr = w.mr(second.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.BLOCKED);
        assertThat(mr.blockedBy()).containsExactly(c.task());
        assertThat(mr.conflictTask()).contains(c.task());
        assertThat(mr.field(MergeRequest.LAST_CONFLICT_SHA)).contains(mainBefore);
        assertThat(mr.retryCount()).isEqualTo(1);
        assertThat(w.originHead(second.branch())).contains(second.sha());
        assertThat(w.originHead("main")).contains(mainBefore);
        Address.Polecat nux = new Address.Polecat(TownFixture.RIG, "nux");
        assertThat(w.subjects(WITNESS)).contains("MERGE_FAILED nux");
        assertThat(w.mail(nux)).extracting(Message::subject).containsExactly("MERGE_FAILED nux");
        assertThat(w.mail(nux).get(0).body()).contains("Outcome: CONFLICT", "Task: " + c.task());
        assertThat(new MergeQueue(w.mayor).next(TownFixture.RIG, Instant.now())).isEmpty();
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.EMPTY);
        assertRefineryCleanOnMain();
        assertThat(first.mr().id()).isNotEqualTo(second.mr().id());
    }

    @Test
    void aResolvedConflictIsMergedOnTheNextRun() throws Exception {
        submitted("First", "README", "first\n");
        Submitter.Submitted second = submitted("Second", "README", "second\n");
        w.process();
        MergeOutcome.Conflict c = (MergeOutcome.Conflict) w.process().outcome();

        // the polecat resolves it the way the resolve task says
        Address.Polecat nux = new Address.Polecat(TownFixture.RIG, "nux");
        GitCli git = w.git(nux);
        git.check("fetch", "-q", "origin");
        assertThat(git.run("rebase", "origin/main").ok()).isFalse();
        Files.writeString(w.worktree(nux).resolve("README"), "first\nsecond\n");
        git.check("add", "README");
        new GitCli(w.worktree(nux), withEditor(w.f.env(nux))).check("rebase", "--continue");
        git.check("push", "-q", "--force-with-lease=" + second.branch() + ":origin/" + second.branch(), "origin",
                "HEAD:" + second.branch());
        BeadsContext rig = w.mayor.rig(TownFixture.RIG);
        w.mayor.write(rig, tx -> Closing.close(tx, rig, c.task(), "resolved", false));
        Submitter.Submitted again = w.done(nux).submitted().orElseThrow();
        assertThat(again.reused()).isTrue();
        assertThat(again.mr().state()).isEqualTo(MergeRequest.State.QUEUED);

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.MERGED);
        assertThat(w.originFile("README")).isEqualTo("first\nsecond");
        assertThat(w.mr(second.mr().id()).state()).isEqualTo(MergeRequest.State.MERGED);
        assertThat(w.bead(second.issue()).status()).isEqualTo(Status.CLOSED);
    }

    private static Map<String, String> withEditor(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.put("GIT_EDITOR", "true");
        return out;
    }

    @Test
    void failingTestsLeaveTheTargetAloneAndHoldTheRequest() throws Exception {
        w.settings(w.settings().withTestCommand("test -f checked.txt || { echo 'missing checked.txt'; exit 3; }"));
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        String mainBefore = w.originHead("main").orElseThrow();

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.TESTS_FAILED);
        assertThat(run.outcome().kind().exitCode()).isEqualTo(12);
        assertThat(w.originHead("main")).contains(mainBefore);
        MergeRequest mr = w.mr(s.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.FAILED);
        assertThat(mr.retryCount()).isEqualTo(1);
        assertThat(mr.lastFailure().orElseThrow()).contains("exited 3");
        assertThat(mr.bead().comments().get(0).text()).contains("missing checked.txt");
        assertThat(w.mail(WITNESS).get(0).body()).contains("Outcome: TESTS_FAILED", "missing checked.txt");
        assertThat(w.originHead(s.branch())).contains(s.sha());
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.EMPTY);
        assertRefineryCleanOnMain();

        assertThat(new MergeQueue(w.mayor).retry(TownFixture.RIG, s.mr().id()).state())
                .isEqualTo(MergeRequest.State.QUEUED);
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.TESTS_FAILED);
        Address.Polecat p = new Address.Polecat(TownFixture.RIG, "furiosa");
        w.commit(p, "checked.txt", "ok\n", "A: add checked.txt");
        assertThat(w.done(p).submitted().orElseThrow().reused()).isTrue();
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);
        assertThat(w.mr(s.mr().id()).retryCount()).isEqualTo(2);
    }

    @Test
    void aMissingBranchIsEscalatedAndNothingIsDeleted() throws Exception {
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        Git.run(w.f.remote, "branch", "-D", s.branch());

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.BRANCH_MISSING);
        MergeRequest mr = w.mr(s.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.FAILED);
        assertThat(w.subjects(WITNESS)).contains("MERGE_FAILED furiosa");
        assertThat(w.subjects(Address.MAYOR)).containsExactly("MERGE_FAILED furiosa");
        assertThat(w.bead(s.issue()).status()).isEqualTo(Status.IN_PROGRESS);
        Path polecat = w.worktree(new Address.Polecat(TownFixture.RIG, "furiosa"));
        assertThat(Git.run(polecat, "rev-parse", "HEAD")).isEqualTo(s.sha());
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.EMPTY);
    }

    @Test
    void aMissingTargetHoldsTheRequestInsteadOfJammingTheQueue() throws Exception {
        Submitter.Submitted toRelease = submitted("A", "a.txt", "a\n");
        BeadsContext rig = w.mayor.rig(TownFixture.RIG);
        w.mayor.write(rig, tx -> MergeQueue.setFields(tx, rig, toRelease.mr().id(), MergeRequest.TARGET, "release"));
        submitted("B", "b.txt", "b\n");

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.BRANCH_MISSING);
        assertThat(run.toJson().string("detail")).contains("release");
        assertThat(w.mr(toRelease.mr().id()).state()).isEqualTo(MergeRequest.State.FAILED);
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);
    }

    @Test
    void aBranchWhoseChangesAreOnTheTargetAlreadyCountsAsMerged() throws Exception {
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        Git.run(w.f.remote, "update-ref", "refs/heads/main", s.sha());
        List<String> before = w.originLog();

        MergeEngine.Run run = w.process();

        assertThat(run.outcome().kind()).isEqualTo(Kind.MERGED);
        assertThat(((MergeOutcome.Merged) run.outcome()).alreadyOnTarget()).isTrue();
        assertThat(w.originLog()).isEqualTo(before);
        assertThat(w.mr(s.mr().id()).state()).isEqualTo(MergeRequest.State.MERGED);
        assertThat(w.bead(s.issue()).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void aTargetThatMovesOnceIsRebasedAgain() throws Exception {
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        boolean[] moved = {false};
        MergeEngine.Run run = w.process((stage, mr) -> {
            if (stage == Checkpoint.Stage.TESTED && !moved[0]) {
                moved[0] = true;
                landElsewhere();
            }
        });
        assertThat(run.outcome().kind()).isEqualTo(Kind.MERGED);
        assertThat(w.originLog()).containsSubsequence("A", "Elsewhere", "initial");
        assertThat(w.originFile("elsewhere.txt")).isEqualTo("x");
        assertThat(w.originHead(s.branch())).isEmpty();
    }

    @Test
    void aTargetThatKeepsMovingEndsInPushFailedWithNothingLost() throws Exception {
        Submitter.Submitted s = submitted("A", "a.txt", "a\n");
        MergeEngine.Run run = w.process((stage, mr) -> {
            if (stage == Checkpoint.Stage.TESTED) {
                landElsewhere();
            }
        });
        assertThat(run.outcome().kind()).isEqualTo(Kind.PUSH_FAILED);
        assertThat(run.outcome().kind().exitCode()).isEqualTo(14);
        MergeRequest mr = w.mr(s.mr().id());
        assertThat(mr.state()).isEqualTo(MergeRequest.State.QUEUED);
        assertThat(mr.retryCount()).isEqualTo(1);
        assertThat(w.originHead(s.branch())).contains(s.sha());
        assertThat(w.originLog()).doesNotContain("A");
        assertThat(w.subjects(Address.MAYOR)).containsExactly("MERGE_FAILED furiosa");
        assertThat(w.process().outcome().kind()).isEqualTo(Kind.MERGED);
    }

    private int landed;

    private void landElsewhere() {
        try {
            w.landElsewhere("elsewhere.txt", "x".repeat(++landed) + "\n", "Elsewhere");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void processAllDrainsTheQueue() throws Exception {
        submitted("A", "a.txt", "a\n");
        submitted("B", "b.txt", "b\n");
        submitted("C", "c.txt", "c\n");
        List<MergeEngine.Run> runs = new MergeEngine(w.f.ledger(new Address.Refinery(TownFixture.RIG)),
                MergeEngine.DEFAULT_TEST_TIMEOUT, Checkpoint.NONE).processAll(TownFixture.RIG, Instant.now());
        assertThat(runs).extracting(r -> r.outcome().kind()).containsExactly(Kind.MERGED, Kind.MERGED, Kind.MERGED,
                Kind.EMPTY);
        assertThat(w.originLog()).contains("A", "B", "C");
        assertThat(w.originLog()).hasSize(4);
    }
}
