package dev.gastown.core.mq;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.workers.Worktrees;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the branch checked out in a worker's repository into its rig's merge queue, mechanically: the tree must be
 * clean, the branch must have commits the target lacks, and it is pushed and then checked on origin before a merge
 * request exists. An open request for the same branch is reused (a re-submission after a conflict was resolved or
 * tests were fixed): its last failure is cleared, and a resolve task it waits on is closed when the submitter had
 * it on its hook.
 */
public final class Submitter {
    private final Ledger ledger;

    public Submitter(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param issue the issue the branch implements; empty means the queued request's, else the one on the worker's
     *     hook, else the one of the worker's last request
     */
    public record Request(Address worker, String rig, Path repo, Optional<String> issue) {
    }

    /**
     * A branch in the queue.
     *
     * @param reused an open request for the branch existed and was put back in the queue
     * @param hooked what was on the worker's hook when it submitted
     * @param closedTask the resolve task this submission closed
     */
    public record Submitted(MergeRequest mr, String issue, String branch, String sha, String target, boolean reused,
            Optional<Hooked> hooked, Optional<String> closedTask) {

        public JsonObject toJson() {
            JsonArray blocked = new JsonArray();
            mr.blockedBy().forEach(blocked::add);
            return new JsonObject().put("mr", mr.id()).put("issue", issue).put("branch", branch).put("sha", sha)
                    .put("target", target).put("reused", reused).put("closed_task", closedTask.orElse(""))
                    .put("blocked_by", blocked);
        }
    }

    /**
     * {@code gt mq submit}: a worker other than a polecat (crew, or a person naming the rig) queues the branch of
     * the repository it stands in; the request becomes its {@code active_mr}.
     */
    public Submitted submitFrom(Address worker, Optional<String> rig, Path cwd, Optional<String> issue) {
        String rigName = rig.or(worker::rig).orElseThrow(() -> new GtException("which rig? say --rig NAME"));
        Path repo = GitCli.workTreeRoot(cwd);
        if (repo == null) {
            throw new GtException(cwd + " is not inside a git checkout; run this where your branch is checked out");
        }
        Submitted s = submit(new Request(worker, rigName, repo, issue));
        if (worker.role() != Role.OVERSEER) {
            new Agents(ledger).setField(worker, MergeRequest.ACTIVE_MR, s.mr().id());
        }
        new EventLog(ledger.town()).append("mq_submit", ledger.actor(), new JsonObject().put("agent",
                worker.toString()).put("mr", s.mr().id()).put("issue", s.issue()).put("branch", s.branch())
                .put("sha", s.sha()).put("reused", s.reused()));
        return s;
    }

    public Submitted submit(Request r) {
        Rig rig = Rig.load(ledger.town(), r.rig());
        String target = rig.settings().targetBranch();
        GitCli git = new GitCli(r.repo());
        String branch = Worktrees.branch(r.repo());
        if (branch.equals("HEAD")) {
            throw new GtException("HEAD is detached in " + r.repo() + "; switch to the branch holding your work");
        }
        if (branch.equals(target)) {
            throw new GtException(r.repo() + " is on " + target + ", the branch merges land on; submit a work branch");
        }
        List<String> dirt = Worktrees.dirt(r.repo());
        if (!dirt.isEmpty()) {
            throw new GtException("uncommitted changes in " + r.repo() + ": " + String.join("; ",
                    dirt.subList(0, Math.min(10, dirt.size()))) + (dirt.size() > 10 ? "; ..." : "")
                    + "; commit them, or remove what does not belong, then run this again");
        }
        BeadsContext store = ledger.rig(r.rig());
        Optional<MergeRequest> queued = ledger.read(store, v -> MergeQueue.openForBranch(v, branch));
        Optional<Hooked> hooked = r.worker().role() == Role.OVERSEER ? Optional.empty()
                : new Hooks(ledger).find(r.worker());
        String issueId = chooseIssue(r, queued, hooked);
        Issue issue = ledger.read(ledger.owning(issueId), v -> v.find(issueId))
                .orElseThrow(() -> new GtException("no issue " + issueId));
        if (queued.isEmpty() && (issue.status().equals(Status.CLOSED) || issue.status().equals(Status.TOMBSTONE))) {
            throw new GtException(issueId + " is " + issue.status() + "; there is nothing left to merge for it");
        }
        String base = "refs/remotes/origin/" + target;
        if (!git.run("rev-parse", "--verify", "--quiet", base).ok()) {
            throw new GtException(r.repo() + " has no origin/" + target + "; run git fetch origin " + target);
        }
        if (git.check("rev-list", "--count", base + "..HEAD").equals("0")) {
            throw new GtException(branch + " has no commits that origin/" + target + " lacks; commit your work"
                    + " first (or finish with gt done --status ESCALATED or DEFERRED)");
        }
        String sha = git.check("rev-parse", "HEAD");
        push(git, r.repo(), branch, sha);
        return record(r, store, branch, sha, target, issue, hooked);
    }

    private String chooseIssue(Request r, Optional<MergeRequest> queued, Optional<Hooked> hooked) {
        if (r.issue().isPresent()) {
            String explicit = r.issue().get();
            queued.filter(q -> !q.sourceIssue().equals(explicit)).ifPresent(q -> {
                throw new GtException(q.id() + " already queues this branch for " + q.sourceIssue() + ", not "
                        + explicit);
            });
            return explicit;
        }
        if (queued.isPresent()) {
            return queued.get().sourceIssue();
        }
        if (hooked.isPresent()) {
            return hooked.get().id();
        }
        Optional<String> lastRequest = r.worker().role() == Role.OVERSEER ? Optional.empty()
                : new Agents(ledger).find(r.worker()).flatMap(a -> a.field(MergeRequest.ACTIVE_MR));
        return lastRequest.flatMap(id -> {
            try {
                return Optional.of(new MergeQueue(ledger).get(id)).filter(mr -> mr.state()
                        != MergeRequest.State.MERGED).map(MergeRequest::sourceIssue);
            } catch (GtException gone) {
                return Optional.empty();
            }
        }).orElseThrow(() -> new GtException("which issue does this branch implement? Nothing is on "
                + r.worker() + "'s hook; say it with --issue ID"));
    }

    /** Pushes the branch and checks origin now has exactly {@code sha} there. */
    private static void push(GitCli git, Path repo, String branch, String sha) {
        Origin origin = new Origin(git);
        GitCli.Result pushed = origin.push("HEAD", branch);
        if (!pushed.ok()) {
            String err = pushed.stderr().strip();
            boolean behind = err.contains("rejected") || err.contains("non-fast-forward") || err.contains("fetch first");
            throw new GtException("cannot push " + branch + " from " + repo + " to origin: " + err + (behind
                    ? " (origin's " + branch + " has commits HEAD lacks; after a rebase, push it yourself with"
                    + " git push --force-with-lease origin HEAD:" + branch + ", then run this again)" : ""));
        }
        Optional<String> remote = origin.head(branch);
        if (!remote.equals(Optional.of(sha))) {
            throw new GtException("pushed " + branch + " but origin has " + remote.orElse("no such branch")
                    + " there, not " + sha + "; nothing was queued");
        }
    }

    private Submitted record(Request r, BeadsContext store, String branch, String sha, String target, Issue issue,
            Optional<Hooked> hooked) {
        return ledger.write(store, tx -> {
            Optional<MergeRequest> existing = MergeQueue.openForBranch(tx, branch);
            if (existing.isEmpty()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put(MergeRequest.BRANCH, branch);
                fields.put(MergeRequest.TARGET, target);
                fields.put(MergeRequest.SOURCE_ISSUE, issue.id());
                fields.put(MergeRequest.RIG, r.rig());
                fields.put(MergeRequest.WORKER, r.worker().toString());
                fields.put(MergeRequest.AGENT_BEAD, r.worker().role() == Role.OVERSEER ? null
                        : AgentBeadIds.of(r.worker()));
                fields.put(MergeRequest.RETRY_COUNT, "0");
                fields.put(MergeRequest.LAST_CONFLICT_SHA, null);
                fields.put(MergeRequest.CONFLICT_TASK_ID, null);
                Issue created = IssueFactory.create(tx, store, new NewIssue("Merge: " + issue.id())
                        .type(IssueType.MERGE_REQUEST).priority(issue.priority()).description(Fields.render(fields)));
                return new Submitted(MergeQueue.load(tx, created), issue.id(), branch, sha, target, false, hooked,
                        Optional.empty());
            }
            MergeRequest mr = existing.get();
            Optional<String> closedTask = Optional.empty();
            boolean taskSettled = true;
            if (mr.conflictTask().isPresent()) {
                String task = mr.conflictTask().get();
                boolean open = tx.find(task).filter(t -> !t.status().equals(Status.CLOSED)
                        && !t.status().equals(Status.TOMBSTONE)).isPresent();
                if (open && hooked.filter(h -> h.id().equals(task)).isPresent()) {
                    Closing.close(tx, store, task, "Conflict resolved: " + branch + " submitted again at " + sha,
                            false);
                    closedTask = Optional.of(task);
                    open = false;
                }
                taskSettled = !open;
            }
            MergeQueue.setFields(tx, store, mr.id(), MergeRequest.LAST_OUTCOME, null, MergeRequest.LAST_FAILURE, null);
            if (taskSettled) {
                MergeQueue.setFields(tx, store, mr.id(), MergeRequest.CONFLICT_TASK_ID, null);
            }
            return new Submitted(MergeQueue.load(tx, tx.get(mr.id())), issue.id(), branch, sha, target, true, hooked,
                    closedTask);
        });
    }
}
