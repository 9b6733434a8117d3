package dev.gastown.beads.query;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code bd blocked}: live, unpinned issues that have status blocked or deferred, an open {@code blocks} blocker in
 * the store, or an external blocker. Like the original, issues held only by a blocked parent are not listed.
 */
public final class BlockedQuery {
    private BlockedQuery() {
    }

    /** A blocked issue and the ids of what blocks it ({@code blocks} edges only). */
    public record Blocked(IssueSummary issue, List<String> blockedBy) {
    }

    public static List<Blocked> blocked(StoreView view, String parent) {
        Set<String> scope = parent == null ? null : Descendants.of(view, parent);
        List<Blocked> out = new ArrayList<>();
        view.forEachActive((IssueRow row) -> {
            Status s = row.status();
            if (!s.blocksDependents() || row.pinned() || scope != null && !scope.contains(row.id())) {
                return;
            }
            IssueSummary summary = row.summary();
            List<String> blockers = new ArrayList<>();
            for (Edge e : summary.edges()) {
                if (!e.type().equals(DependencyType.BLOCKS)) {
                    continue;
                }
                if (e.target().startsWith("external:")) {
                    blockers.add(e.target());
                    continue;
                }
                IssueSummary target = view.summary(e.target());
                if (target != null && target.status().blocksDependents()) {
                    blockers.add(e.target());
                }
            }
            if (!blockers.isEmpty() || s.equals(Status.BLOCKED) || s.equals(Status.DEFERRED)) {
                out.add(new Blocked(summary, blockers));
            }
        });
        out.sort(Comparator.comparingInt((Blocked b) -> b.issue().priority())
                .thenComparingLong(b -> b.issue().createdMicros())
                .thenComparing(b -> b.issue().id()));
        return out;
    }
}
