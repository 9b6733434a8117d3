package dev.gastown.core.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.mail.Message;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.Hooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoneTest {
    static final Address WITNESS = new Address.Witness(TownFixture.RIG);

    @TempDir
    Path tmp;

    Workbench w;

    @BeforeEach
    void setUp() throws Exception {
        w = new Workbench(tmp);
    }

    private List<String> mergeRequests() {
        return w.mayor.read(w.mayor.rig(TownFixture.RIG), v -> {
            List<String> ids = new ArrayList<>();
            v.forEachIssue(r -> {
                if (r.type().equals(IssueType.MERGE_REQUEST)) {
                    ids.add(r.id());
                }
            });
            return ids;
        });
    }

    @Test
    void completedPushesVerifiesQueuesAndReports() throws Exception {
        String issue = w.issue("Add greeting", 1);
        Address.Polecat p = w.sling(issue);
        String sha = w.commit(p, "greeting.txt", "hello\n", "Add greeting");
        String branch = Git.run(w.worktree(p), "rev-parse", "--abbrev-ref", "HEAD");

        Done.Report r = w.done(p);

        assertThat(w.originHead(branch)).contains(sha);
        MergeRequest mr = r.submitted().orElseThrow().mr();
        assertThat(mr.bead().issueType()).isEqualTo(IssueType.MERGE_REQUEST);
        assertThat(mr.bead().title()).isEqualTo("Merge: " + issue);
        assertThat(mr.bead().priority()).isEqualTo(1);
        assertThat(mr.id()).startsWith("ga-");
        assertThat(Fields.all(mr.bead().description())).containsExactly(
                Map.entry("branch", branch), Map.entry("target", "main"),
                Map.entry("source_issue", issue), Map.entry("rig", "gastown"),
                Map.entry("worker", p.toString()), Map.entry("agent_bead", AgentBeadIds.of(p)),
                Map.entry("retry_count", "0"), Map.entry("last_conflict_sha", "null"),
                Map.entry("conflict_task_id", "null"));
        assertThat(mr.state()).isEqualTo(MergeRequest.State.QUEUED);

        AgentRecord agent = new Agents(w.mayor).get(p);
        assertThat(agent.state()).isEqualTo(AgentState.DONE);
        assertThat(agent.hook()).isEmpty();
        assertThat(agent.field("active_mr")).contains(mr.id());
        assertThat(w.bead(issue).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(w.bead(issue).assignee()).isEqualTo(p.toString());
        assertThat(new Hooks(w.mayor).find(p)).isEmpty();

        Message m = w.mail(WITNESS).get(0);
        assertThat(m.subject()).isEqualTo("POLECAT_DONE " + p.polecat());
        assertThat(m.from()).isEqualTo(p.toString());
        assertThat(m.body()).isEqualTo("Exit: COMPLETED\nIssue: " + issue + "\nMR: " + mr.id() + "\nBranch: " + branch);
        Event done = new EventLog(w.f.town).readAll().stream().filter(e -> e.type().equals("done")).findFirst()
                .orElseThrow();
        assertThat(done.payload().string("issue")).isEqualTo(issue);
        assertThat(done.payload().string("mr")).isEqualTo(mr.id());
    }

    @Test
    void aDirtyTreeIsRefusedByNameAndNothingIsQueued() throws Exception {
        Address.Polecat p = w.sling(w.issue("A"));
        w.commit(p, "a.txt", "a\n", "A");
        Files.writeString(w.worktree(p).resolve("stray.log"), "x\n");
        assertThatThrownBy(() -> w.done(p)).isInstanceOf(GtException.class).hasMessageContaining("stray.log");
        assertThat(mergeRequests()).isEmpty();
        assertThat(new Agents(w.mayor).get(p).hook()).isPresent();
        assertThat(w.mail(WITNESS)).isEmpty();
    }

    @Test
    void aBranchWithNothingNewIsRefused() throws Exception {
        Address.Polecat p = w.sling(w.issue("A"));
        assertThatThrownBy(() -> w.done(p)).hasMessageContaining("no commits that origin/main lacks");
        assertThat(mergeRequests()).isEmpty();
    }

    @Test
    void aRefusedPushIsTypedAndQueuesNothing() throws Exception {
        Path hook = w.f.remote.resolve("hooks").resolve("pre-receive");
        Files.writeString(hook, "#!/bin/sh\necho 'no pushes today' >&2\nexit 1\n");
        hook.toFile().setExecutable(true);
        Address.Polecat p = w.sling(w.issue("A"));
        w.commit(p, "a.txt", "a\n", "A");
        assertThatThrownBy(() -> w.done(p)).isInstanceOf(GtException.class).hasMessageContaining("cannot push")
                .hasMessageContaining("no pushes today");
        assertThat(mergeRequests()).isEmpty();
        assertThat(new Agents(w.mayor).get(p).state()).isNotEqualTo(AgentState.DONE);
    }

    @Test
    void submittingTheSameBranchAgainReusesItsRequest() throws Exception {
        String issue = w.issue("A");
        Address.Polecat p = w.sling(issue);
        w.commit(p, "a.txt", "a\n", "A");
        String first = w.done(p).submitted().orElseThrow().mr().id();
        String sha = w.commit(p, "a.txt", "a, fixed\n", "A: fix");
        Submitter.Submitted again = w.done(p).submitted().orElseThrow();
        assertThat(again.reused()).isTrue();
        assertThat(again.mr().id()).isEqualTo(first);
        assertThat(again.issue()).isEqualTo(issue);
        assertThat(again.sha()).isEqualTo(sha);
        assertThat(mergeRequests()).containsExactly(first);
        assertThat(w.subjects(WITNESS)).hasSize(2);
    }

    @Test
    void escalatedAndDeferredQueueNothing() throws Exception {
        String stuckIssue = w.issue("Hard");
        Address.Polecat stuck = w.sling(stuckIssue);
        Done.Report r = new Done(w.f.ledger(stuck)).run(stuck, Done.Exit.ESCALATED, Optional.empty());
        assertThat(r.submitted()).isEmpty();
        assertThat(new Agents(w.mayor).get(stuck).state()).isEqualTo(AgentState.STUCK);
        assertThat(new Hooks(w.mayor).find(stuck)).isPresent();
        assertThat(r.notice().body()).startsWith("Exit: ESCALATED\nIssue: " + stuckIssue + "\nMR: none\nBranch: ");

        String laterIssue = w.issue("Later");
        Address.Polecat later = w.sling(laterIssue);
        r = new Done(w.f.ledger(later)).run(later, Done.Exit.DEFERRED, Optional.empty());
        assertThat(new Agents(w.mayor).get(later).state()).isEqualTo(AgentState.IDLE);
        assertThat(w.bead(laterIssue).status()).isEqualTo(Status.OPEN);
        assertThat(w.bead(laterIssue).assignee()).isEmpty();
        assertThat(r.notice().body()).startsWith("Exit: DEFERRED\nIssue: " + laterIssue);
        assertThat(mergeRequests()).isEmpty();
    }

    @Test
    void onlyPolecatsFinishWithDone() {
        assertThatThrownBy(() -> new Done(w.mayor).run(Address.MAYOR, Done.Exit.COMPLETED, Optional.empty()))
                .hasMessageContaining("gt mq submit");
    }

    @Test
    void crewSubmitsTheBranchOfTheCheckoutItStandsIn() throws Exception {
        Address.Crew joe = new Address.Crew(TownFixture.RIG, "joe");
        Path home = w.worktree(joe);
        Git.run(w.f.base, "clone", "-q", w.f.remote.toString(), home.toString());
        new GitCli(home, w.f.env(joe)).check("switch", "-q", "-c", "joe/docs");
        String sha = w.commit(joe, "docs.txt", "docs\n", "Docs");
        String issue = w.issue("Docs");
        Submitter.Submitted s = new Submitter(w.f.ledger(joe)).submitFrom(joe, Optional.empty(), home.resolve("."),
                Optional.of(issue));
        assertThat(w.originHead("joe/docs")).contains(sha);
        assertThat(s.mr().worker()).contains(joe.toString());
        assertThat(new Agents(w.mayor).get(joe).field("active_mr")).contains(s.mr().id());
        assertThat(w.mail(WITNESS)).isEmpty();
    }
}
