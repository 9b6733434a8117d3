package dev.gastown.core.mq;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.convoy.ConvoyLanding;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.mq.Checkpoint.Stage;
import dev.gastown.core.mq.MergeOutcome.Kind;
import dev.gastown.core.rig.Rig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What follows an outcome once the request records it: the mail, a merged request's convoy landing and branch
 * deletion, and the event. The transaction that records the outcome also labels the request {@value #PENDING};
 * the label goes only when all of this is done, so whatever a crash interrupts the next run of the engine finishes
 * ({@link #resume}). Each step is safe to repeat; mail may then arrive twice, never not at all.
 */
final class FollowUp {
    static final String PENDING = "mq:follow-up";

    private final Ledger ledger;
    private final Checkpoint checkpoint;

    FollowUp(Ledger ledger, Checkpoint checkpoint) {
        this.ledger = ledger;
        this.checkpoint = checkpoint;
    }

    /** Finishes the follow-ups earlier runs left undone in {@code rig}; returns the requests concerned. */
    List<String> resume(Rig rig, RefineryCheckout checkout) {
        BeadsContext store = ledger.rig(rig.name());
        List<String> pending = ledger.read(store, v -> {
            List<String> ids = new ArrayList<>();
            v.forEachIssue(row -> {
                if (row.type().equals(IssueType.MERGE_REQUEST) && row.labels().contains(PENDING)) {
                    ids.add(row.id());
                }
            });
            return ids;
        });
        pending.forEach(id -> run(rig, checkout, id));
        return pending;
    }

    /** Carries out the follow-up of the outcome request {@code mrId} records. */
    void run(Rig rig, RefineryCheckout checkout, String mrId) {
        MergeRequest mr = new MergeQueue(ledger).get(mrId);
        Kind kind = mr.lastOutcome().orElseThrow(() -> new GtException(mrId + " is marked " + PENDING
                + " but records no last_outcome"));
        JsonObject event = new JsonObject().put("mr", mr.id()).put("rig", rig.name()).put("issue", mr.sourceIssue())
                .put("branch", mr.branch()).put("target", mr.target());
        if (kind == Kind.MERGED) {
            new ConvoyLanding(ledger).afterClose(List.of(mr.sourceIssue(), mr.id()));
            checkpoint.reached(Stage.LANDED, mrId);
            mail(mr, kind);
            boolean deleted = rig.settings().deleteMergedBranches() && deleteBranch(checkout, mr);
            checkpoint.reached(Stage.BRANCH_DELETED, mrId);
            new EventLog(ledger.town()).append("merged", ledger.actor(), event
                    .put("sha", mr.mergeCommit().orElse("")).put("branch_deleted", deleted));
        } else {
            mail(mr, kind);
            new EventLog(ledger.town()).append("merge_failed", ledger.actor(), event.put("outcome", kind.name())
                    .put("detail", mr.lastFailure().orElse("")).put("resolve_task", mr.conflictTask().orElse("")));
        }
        BeadsContext store = ledger.rig(rig.name());
        ledger.write(store, tx -> Updates.apply(tx, store, mrId, new IssueUpdate().removeLabel(PENDING)));
    }

    /**
     * Deletes a merged branch from origin, only once origin's target is seen to contain the merge commit and every
     * change of the branch head that was merged, and only while the branch still points at that head.
     */
    private boolean deleteBranch(RefineryCheckout checkout, MergeRequest mr) {
        Optional<String> head = mr.branchHead();
        Optional<String> merged = mr.mergeCommit();
        if (head.isEmpty() || merged.isEmpty()) {
            return false;
        }
        checkout.fetch();
        if (!checkout.targetContains(mr.target(), merged.get()) || !checkout.changesOnTarget(mr.target(), head.get())) {
            return false;
        }
        return checkout.origin().deleteIfAt(mr.branch(), head.get());
    }

    /**
     * The outcome's mail, to addresses that exist. The Witness hears about every polecat whose work it was ({@code MERGED NAME} or
     * {@code MERGE_FAILED NAME}); a failure is also sent to each worker that still exists (not a push failure, which
     * is not theirs to fix), a merge to workers that are not polecats; the Mayor hears of missing branches and
     * failed pushes.
     */
    private void mail(MergeRequest mr, Kind kind) {
        String subject = kind == Kind.MERGED ? "MERGED" : "MERGE_FAILED";
        String body = body(mr, kind);
        Address from = new Address.Refinery(mr.rig());
        List<Address> known = new Directory(ledger.town()).known();
        Mailboxes mail = new Mailboxes(ledger);
        BiConsumer<Address, String> send = (to, name) -> {
            if (known.contains(to)) {
                mail.send(Outgoing.notice(from, to, subject + " " + name, body));
            }
        };
        for (Address worker : workers(mr)) {
            String name = worker.name().orElse(worker.toString());
            if (worker.role() == Role.POLECAT) {
                send.accept(new Address.Witness(mr.rig()), name);
            }
            if (kind == Kind.MERGED ? worker.role() != Role.POLECAT : kind != Kind.PUSH_FAILED) {
                send.accept(worker, name);
            }
        }
        if (kind == Kind.BRANCH_MISSING || kind == Kind.PUSH_FAILED) {
            send.accept(Address.MAYOR, MergeQueue.workerName(mr));
        }
        checkpoint.reached(Stage.MAILED, mr.id());
    }

    /** The request's worker, and every agent that submitted it since (a polecat that resolved its conflict). */
    private Set<Address> workers(MergeRequest mr) {
        Set<Address> out = new LinkedHashSet<>();
        mr.worker().ifPresent(w -> {
            try {
                out.add(Address.parse(w));
            } catch (GtException unparsable) {
                // an edited field; the agents below still hear
            }
        });
        for (AgentRecord a : new Agents(ledger).all()) {
            if (a.field(MergeRequest.ACTIVE_MR).filter(mr.id()::equals).isPresent()) {
                out.add(a.address());
            }
        }
        return out;
    }

    private static String body(MergeRequest mr, Kind kind) {
        StringBuilder b = new StringBuilder().append("Outcome: ").append(kind.name())
                .append("\nMR: ").append(mr.id())
                .append("\nIssue: ").append(mr.sourceIssue())
                .append("\nBranch: ").append(mr.branch())
                .append("\nTarget: ").append(mr.target());
        if (kind == Kind.MERGED) {
            b.append("\nSHA: ").append(mr.mergeCommit().orElse("unknown"));
        }
        if (kind == Kind.CONFLICT) {
            b.append("\nTask: ").append(mr.conflictTask().orElse("none"));
        }
        mr.lastFailure().filter(f -> kind != Kind.MERGED).ifPresent(f -> b.append("\nDetail: ").append(f));
        if (kind == Kind.TESTS_FAILED) {
            List<Comment> comments = mr.bead().comments();
            if (!comments.isEmpty()) {
                b.append("\n\n").append(comments.get(comments.size() - 1).text());
            }
        }
        return b.toString();
    }
}
