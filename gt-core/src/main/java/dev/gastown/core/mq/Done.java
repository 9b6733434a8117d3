package dev.gastown.core.mq;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.workers.Worktrees;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code gt done}: how a polecat finishes. {@link Exit#COMPLETED} submits its branch ({@link Submitter}), records
 * the request as the agent's {@code active_mr}, marks the agent {@code done} and clears its hook (the issue stays
 * assigned to it, {@code in_progress}, until the merge closes it). {@link Exit#ESCALATED} marks it {@code stuck}
 * and keeps the hook; {@link Exit#DEFERRED} puts the issue back to open and the agent {@code idle}. Every exit mails
 * {@code POLECAT_DONE NAME} to the rig's Witness and appends a {@code done} event.
 */
public final class Done {
    private final Ledger ledger;

    public Done(Ledger ledger) {
        this.ledger = ledger;
    }

    /** How the polecat's work ended. */
    public enum Exit { COMPLETED, ESCALATED, DEFERRED }

    /** What {@code gt done} did. */
    public record Report(Exit exit, Address.Polecat agent, Optional<String> issue, String branch,
            Optional<Submitter.Submitted> submitted, Message notice) {

        /** The same keys for every exit; those of the submission are empty when nothing was submitted. */
        public JsonObject toJson() {
            JsonObject o = new JsonObject().put("exit", exit.name()).put("agent", agent.toString())
                    .put("issue", issue.orElse("")).put("branch", branch).put("mail", notice.id())
                    .put("mr", "").put("sha", "").put("target", "").put("reused", false).put("closed_task", "")
                    .put("blocked_by", new JsonArray());
            submitted.ifPresent(s -> s.toJson().entries().forEach(e -> o.put(e.getKey(), e.getValue())));
            return o;
        }
    }

    public Report run(Address me, Exit exit, Optional<String> issue) {
        if (!(me instanceof Address.Polecat polecat)) {
            throw new GtException("gt done is how a polecat finishes, and you are " + me
                    + "; others put a branch in the merge queue with gt mq submit");
        }
        Address witness = new Directory(ledger.town()).resolve(new Address.Witness(polecat.rigName()).toString());
        Path home = ledger.town().home(polecat);
        Agents agents = new Agents(ledger);
        Hooks hooks = new Hooks(ledger);
        Optional<Submitter.Submitted> submitted = Optional.empty();
        Optional<String> issueId;
        String branch;
        switch (exit) {
            case COMPLETED -> {
                Submitter.Submitted s = new Submitter(ledger).submit(new Submitter.Request(polecat,
                        polecat.rigName(), home, issue));
                agents.setField(polecat, MergeRequest.ACTIVE_MR, s.mr().id());
                s.hooked().filter(h -> h.bead().status().equals(Status.HOOKED)
                        && s.closedTask().filter(h.id()::equals).isEmpty()).ifPresent(this::startProgress);
                agents.setHook(polecat, "");
                agents.setState(polecat, AgentState.DONE);
                submitted = Optional.of(s);
                issueId = Optional.of(s.issue());
                branch = s.branch();
            }
            case ESCALATED -> {
                issueId = issue.or(() -> hooks.find(polecat).map(Hooked::id));
                branch = Worktrees.branch(home);
                agents.setState(polecat, AgentState.STUCK);
            }
            case DEFERRED -> {
                Optional<Hooked> released = hooks.unhook(polecat);
                issueId = issue.or(() -> released.map(Hooked::id));
                branch = Worktrees.branch(home);
                agents.setState(polecat, AgentState.IDLE);
            }
            default -> throw new IllegalStateException(exit.name());
        }
        String body = "Exit: " + exit.name() + "\nIssue: " + issueId.orElse("none") + "\nMR: "
                + submitted.map(s -> s.mr().id()).orElse("none") + "\nBranch: " + branch;
        Message notice = new Mailboxes(ledger).send(Outgoing.notice(polecat, witness, "POLECAT_DONE "
                + polecat.polecat(), body));
        new EventLog(ledger.town()).append("done", ledger.actor(), new JsonObject().put("agent", polecat.toString())
                .put("exit", exit.name()).put("issue", issueId.orElse("")).put("branch", branch)
                .put("mr", submitted.map(s -> s.mr().id()).orElse(""))
                .put("sha", submitted.map(Submitter.Submitted::sha).orElse("")));
        return new Report(exit, polecat, issueId, branch, submitted, notice);
    }

    /** The hooked issue leaves the hook but stays the polecat's until its merge closes it. */
    private void startProgress(Hooked h) {
        ledger.write(h.store(), tx -> Updates.apply(tx, h.store(), h.id(),
                new IssueUpdate().status(Status.IN_PROGRESS)));
    }
}
