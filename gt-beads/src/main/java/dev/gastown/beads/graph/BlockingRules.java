package dev.gastown.beads.graph;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Status;

/**
 * Whether an issue is directly blocked, by the original's rules (its {@code blocked_issues_cache}):
 * <ul>
 *   <li>{@code blocks}: the target is open, in progress, blocked, deferred or hooked;</li>
 *   <li>{@code conditional-blocks}: the target is open, in progress, blocked or deferred, or closed without a
 *       failure reason (the issue runs only if the target failed);</li>
 *   <li>{@code waits-for}: all-children waits while any child of the spawner is not closed or tombstoned;
 *       any-children waits until one is.</li>
 * </ul>
 * A target that is not in the store (dangling, or {@code external:}) never blocks here; external capabilities are
 * checked separately by the ready query. The issue's own status does not matter, and blocking then passes down to
 * every descendant through {@code parent-child} (see {@link #MAX_PROPAGATION_DEPTH}).
 */
public final class BlockingRules {
    /** How far down parent-child edges blocking is passed, as in the original's recursive query. */
    public static final int MAX_PROPAGATION_DEPTH = 50;

    /** What the rules need to know about the store. */
    public interface Graph {
        /** Null when no issue with that id is in the store. */
        IssueSummary summary(String id);

        /** The ids of the issues that are {@code parent-child} children of {@code id}. */
        Iterable<String> children(String id);
    }

    private BlockingRules() {
    }

    /** Whether edges of this type can hold their source back (parent-child passes blocking down). */
    public static boolean affectsReadiness(DependencyType t) {
        return t.equals(DependencyType.BLOCKS) || t.equals(DependencyType.CONDITIONAL_BLOCKS)
                || t.equals(DependencyType.WAITS_FOR) || t.equals(DependencyType.PARENT_CHILD);
    }

    public static boolean directlyBlocked(Graph g, IssueSummary issue) {
        for (Edge e : issue.edges()) {
            if (edgeBlocks(g, e)) {
                return true;
            }
        }
        return false;
    }

    static boolean edgeBlocks(Graph g, Edge e) {
        DependencyType t = e.type();
        if (t.equals(DependencyType.BLOCKS)) {
            IssueSummary target = g.summary(e.target());
            return target != null && target.status().blocksDependents();
        }
        if (t.equals(DependencyType.CONDITIONAL_BLOCKS)) {
            IssueSummary target = g.summary(e.target());
            if (target == null) {
                return false;
            }
            Status s = target.status();
            return s.equals(Status.OPEN) || s.equals(Status.IN_PROGRESS) || s.equals(Status.BLOCKED)
                    || s.equals(Status.DEFERRED) || target.closedSuccess();
        }
        if (t.equals(DependencyType.WAITS_FOR)) {
            if (g.summary(e.target()) == null) {
                return false;
            }
            boolean anyOpen = false;
            boolean anyDone = false;
            for (String child : g.children(e.spawner())) {
                IssueSummary c = g.summary(child);
                if (c == null) {
                    continue;
                }
                if (c.status().isTerminal()) {
                    anyDone = true;
                } else {
                    anyOpen = true;
                }
            }
            return e.gate() == WaitGate.ANY_CHILDREN ? !anyDone : anyOpen;
        }
        return false;
    }
}
