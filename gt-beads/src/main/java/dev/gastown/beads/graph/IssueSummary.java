package dev.gastown.beads.graph;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an issue that queries filter and sort on, and that the index stores per record. Times are
 * microseconds since the epoch; {@code deferMicros} is {@link Long#MIN_VALUE} when the issue is not deferred.
 * {@code closedSuccess} is true for a closed issue whose close reason names no failure.
 */
public record IssueSummary(
        String id,
        Status status,
        IssueType type,
        int priority,
        boolean pinned,
        boolean ephemeral,
        boolean template,
        boolean closedSuccess,
        long createdMicros,
        long updatedMicros,
        long deferMicros,
        String assignee,
        String molType,
        List<String> labels,
        List<Edge> edges) implements IssueRow {

    public static final long NOT_DEFERRED = Long.MIN_VALUE;

    public static IssueSummary of(Issue i) {
        List<Edge> edges = new ArrayList<>(i.dependencies().size());
        i.dependencies().forEach(d -> edges.add(Edge.of(d)));
        boolean closedOk = i.status().equals(Status.CLOSED) && !CloseReasons.isFailure(i.closeReason());
        return new IssueSummary(i.id(), i.status(), i.issueType(), i.priority(), i.pinned(), i.ephemeral(),
                i.isTemplate(), closedOk, micros(i.createdAt()), micros(i.updatedAt()),
                i.deferUntil() == null ? NOT_DEFERRED : micros(i.deferUntil()), i.assignee(), i.molType(),
                List.copyOf(i.labels()), List.copyOf(edges));
    }

    @Override
    public IssueSummary summary() {
        return this;
    }

    private static long micros(Timestamp t) {
        return t.epochMicros();
    }

    /** Parents through {@code parent-child} edges (normally zero or one). */
    public List<String> parents() {
        List<String> out = new ArrayList<>(1);
        for (Edge e : edges) {
            if (e.isParent()) {
                out.add(e.target());
            }
        }
        return out;
    }
}
