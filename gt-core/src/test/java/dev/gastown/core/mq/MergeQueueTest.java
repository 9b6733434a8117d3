package dev.gastown.core.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeQueueTest {
    @TempDir
    Path tmp;

    Workbench w;
    BeadsContext rig;
    MergeQueue queue;

    @BeforeEach
    void setUp() throws Exception {
        w = new Workbench(tmp);
        rig = w.mayor.rig(TownFixture.RIG);
        queue = new MergeQueue(w.mayor);
    }

    /** A merge request as gt done writes it, without the git side. */
    private String request(String issue, int priority, int retries) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(MergeRequest.BRANCH, "polecat/" + issue);
        f.put(MergeRequest.TARGET, "main");
        f.put(MergeRequest.SOURCE_ISSUE, issue);
        f.put(MergeRequest.RIG, TownFixture.RIG);
        f.put(MergeRequest.WORKER, "gastown/polecats/x");
        f.put(MergeRequest.RETRY_COUNT, Integer.toString(retries));
        return w.mayor.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue("Merge: " + issue)
                .type(IssueType.MERGE_REQUEST).priority(priority).description(Fields.render(f))).id());
    }

    private List<String> order(Instant now) {
        return queue.list(TownFixture.RIG, now).stream().map(e -> e.mr().id()).toList();
    }

    @Test
    void priorityThenRetriesThenConvoyAgeDecideTheOrder() {
        String p2 = request(w.issue("p2"), 2, 0);
        String p1 = request(w.issue("p1"), 1, 0);
        String p1Retried = request(w.issue("p1, retried twice"), 1, 2);
        Instant now = Instant.now();
        assertThat(order(now)).containsExactly(p1, p2, p1Retried);

        String convoyed = w.issue("in a convoy");
        String inConvoy = request(convoyed, 2, 0);
        new Convoys(w.mayor).create("Old work", List.of(convoyed), null, "");
        // eleven hours on, the convoy's 110 points put its P2 request ahead of the fresh P1
        Instant later = now.plus(Duration.ofHours(11));
        assertThat(order(later)).startsWith(inConvoy, p1);
        assertThat(queue.next(TownFixture.RIG, later).orElseThrow().convoy()).isPresent();
        assertThat(queue.list(TownFixture.RIG, later).get(0).toJson().string("convoy")).startsWith("hq-cv-");
    }

    @Test
    void blockedAndFailedRequestsWaitAndRetryPutsThemBack() {
        String blocked = request(w.issue("blocked"), 0, 0);
        String failed = request(w.issue("failed"), 0, 0);
        String plain = request(w.issue("plain"), 3, 0);
        String task = w.issue("Resolve merge conflicts: x", 1);
        w.mayor.write(rig, tx -> {
            Dependencies.add(tx, rig, blocked, task, DependencyType.BLOCKS, "");
            MergeQueue.setFields(tx, rig, blocked, MergeRequest.CONFLICT_TASK_ID, task);
            MergeQueue.setFields(tx, rig, failed, MergeRequest.LAST_OUTCOME, "TESTS_FAILED",
                    MergeRequest.LAST_FAILURE, "tests failed");
            return null;
        });
        Instant now = Instant.now();
        assertThat(queue.next(TownFixture.RIG, now).orElseThrow().mr().id()).isEqualTo(plain);
        assertThat(queue.list(TownFixture.RIG, now)).extracting(e -> e.mr().state()).containsExactly(
                MergeRequest.State.QUEUED, MergeRequest.State.BLOCKED, MergeRequest.State.FAILED);
        assertThat(queue.get(blocked).blockedBy()).containsExactly(task);

        assertThat(queue.retry(TownFixture.RIG, failed).state()).isEqualTo(MergeRequest.State.QUEUED);
        MergeRequest unblocked = queue.retry(TownFixture.RIG, blocked);
        assertThat(unblocked.state()).isEqualTo(MergeRequest.State.QUEUED);
        assertThat(unblocked.conflictTask()).isEmpty();
        assertThat(w.bead(task).status()).isEqualTo(Status.OPEN);
        assertThat(order(now)).startsWith(blocked, failed);
    }

    @Test
    void aClosedTaskNoLongerBlocks() {
        String mr = request(w.issue("a"), 2, 0);
        String task = w.issue("task");
        w.mayor.write(rig, tx -> Dependencies.add(tx, rig, mr, task, DependencyType.BLOCKS, ""));
        assertThat(queue.next(TownFixture.RIG, Instant.now())).isEmpty();
        w.mayor.write(rig, tx -> Closing.close(tx, rig, task, "done", false));
        assertThat(queue.next(TownFixture.RIG, Instant.now()).orElseThrow().mr().id()).isEqualTo(mr);
    }

    @Test
    void rejectClosesTheRequestAndItsTaskAndTellsTheWorker() throws Exception {
        String issue = w.issue("a");
        Address.Polecat p = w.sling(issue);
        String mr = request(issue, 2, 0);
        w.mayor.write(rig, tx -> MergeQueue.setFields(tx, rig, mr, MergeRequest.WORKER, p.toString()));
        String task = w.issue("task");
        w.mayor.write(rig, tx -> {
            Dependencies.add(tx, rig, mr, task, DependencyType.BLOCKS, "");
            return MergeQueue.setFields(tx, rig, mr, MergeRequest.CONFLICT_TASK_ID, task);
        });
        assertThatThrownBy(() -> queue.reject(TownFixture.RIG, mr, " ", true)).hasMessageContaining("--reason");
        assertThat(queue.get(mr).isOpen()).isTrue();

        MergeQueue.Rejection r = queue.reject(TownFixture.RIG, "polecat/" + issue, "tests fail", true);

        assertThat(r.mr().state()).isEqualTo(MergeRequest.State.REJECTED);
        assertThat(r.mr().bead().closeReason()).isEqualTo("Rejected: tests fail");
        assertThat(w.bead(task).status()).isEqualTo(Status.CLOSED);
        assertThat(r.notified()).contains(p);
        assertThat(w.subjects(p)).containsExactly("MERGE_REJECTED " + p.polecat());
        assertThat(queue.list(TownFixture.RIG, Instant.now())).isEmpty();
        assertThatThrownBy(() -> queue.reject(TownFixture.RIG, mr, "again", false)).hasMessageContaining("closed");

        assertThat(queue.retry(TownFixture.RIG, mr).state()).isEqualTo(MergeRequest.State.QUEUED);
        assertThat(queue.get(mr).field(MergeRequest.CLOSE_REASON)).isEmpty();
    }

    @Test
    void requestsOfAnotherRigOrUnknownOnesAreRefused() {
        assertThatThrownBy(() -> queue.retry(TownFixture.RIG, "ga-nope")).hasMessageContaining("no merge request");
        assertThatThrownBy(() -> queue.list("nowhere", Instant.now())).hasMessageContaining("no rig");
    }
}
