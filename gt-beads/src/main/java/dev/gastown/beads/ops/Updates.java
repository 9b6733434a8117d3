package dev.gastown.beads.ops;

import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Field edits to existing issues ({@code bd update}, {@code bd label}, {@code bd agent state}, {@code bd slot}). */
public final class Updates {
    private Updates() {
    }

    public static Issue apply(StoreTransaction tx, BeadsContext ctx, String id, IssueUpdate u) {
        Issue current = tx.get(id);
        Issue.Builder b = current.toBuilder();
        Timestamp now = Timestamp.now();
        if (u.title != null) {
            b.title(Validation.title(u.title));
        }
        if (u.description != null) {
            b.description(u.description);
        }
        if (u.design != null) {
            b.design(u.design);
        }
        if (u.acceptance != null) {
            b.acceptanceCriteria(u.acceptance);
        }
        if (u.notes != null) {
            b.notes(u.notes);
        }
        if (u.priority != null) {
            b.priority(u.priority);
        }
        if (u.type != null) {
            b.issueType(u.type);
        }
        if (u.assignee != null) {
            b.assignee(u.assignee);
        }
        if (u.claim) {
            claim(current, ctx, b);
        }
        if (u.status != null) {
            setStatus(b, current, u.status, now);
        }
        if (u.setLabels != null || !u.addLabels.isEmpty() || !u.removeLabels.isEmpty()) {
            TreeSet<String> labels = new TreeSet<>(u.setLabels != null ? u.setLabels : current.labels());
            labels.addAll(u.addLabels);
            u.removeLabels.forEach(labels::remove);
            labels.removeIf(String::isBlank);
            b.labels(List.copyOf(labels));
        }
        if (u.parent != null) {
            b.dependencies(reparent(tx, ctx, current, u.parent.trim(), now));
        }
        if (u.due != null || u.clearDue) {
            b.dueAt(u.due);
        }
        if (u.defer != null || u.clearDefer) {
            b.deferUntil(u.defer);
        }
        if (u.estimate != null) {
            b.estimatedMinutes(u.estimate);
        }
        if (u.externalRef != null) {
            b.externalRef(u.externalRef);
        }
        if (u.awaitId != null) {
            b.awaitId(u.awaitId);
        }
        if (u.hookBead != null) {
            b.hookBead(u.hookBead);
        }
        if (u.roleBead != null) {
            b.roleBead(u.roleBead);
        }
        if (u.agentState != null) {
            b.agentState(Validation.agentState(u.agentState)).lastActivity(now);
        }
        if (u.sender != null) {
            b.sender(u.sender);
        }
        Issue next = Validation.check(b.updatedAt(now).build());
        tx.put(next);
        return next;
    }

    /** Status changes keep closed_at consistent: set when closing, cleared when leaving closed. */
    static void setStatus(Issue.Builder b, Issue current, Status status, Timestamp now) {
        b.status(status);
        if (status.equals(Status.CLOSED)) {
            if (current.closedAt() == null || !current.status().equals(Status.CLOSED)) {
                b.closedAt(now);
            }
        } else if (!status.equals(Status.TOMBSTONE)) {
            b.closedAt(null).closeReason("").closedBySession("");
        }
    }

    private static void claim(Issue current, BeadsContext ctx, Issue.Builder b) {
        boolean held = current.status().equals(Status.IN_PROGRESS) || current.status().equals(Status.HOOKED);
        if (held && !current.assignee().isEmpty() && !current.assignee().equals(ctx.actor())) {
            throw new InvalidInputException(current.id() + " is already claimed by " + current.assignee());
        }
        if (current.status().isTerminal()) {
            throw new InvalidInputException("cannot claim " + current.id() + ": it is " + current.status());
        }
        b.assignee(ctx.actor()).status(Status.IN_PROGRESS);
    }

    private static List<Dependency> reparent(StoreTransaction tx, BeadsContext ctx, Issue current, String parent,
            Timestamp now) {
        List<Dependency> deps = new ArrayList<>();
        for (Dependency d : current.dependencies()) {
            if (!d.type().equals(DependencyType.PARENT_CHILD)) {
                deps.add(d);
            }
        }
        if (!parent.isEmpty()) {
            if (!tx.contains(parent)) {
                throw new InvalidInputException("parent issue not found: " + parent);
            }
            if (deps.stream().anyMatch(d -> d.dependsOnId().equals(parent))) {
                throw new InvalidInputException(current.id() + " already depends on " + parent);
            }
            Cycles.refuse(tx, current.id(), parent, DependencyType.PARENT_CHILD);
            deps.add(Dependency.of(current.id(), parent, DependencyType.PARENT_CHILD, now, ctx.actor()));
        }
        return deps;
    }
}
