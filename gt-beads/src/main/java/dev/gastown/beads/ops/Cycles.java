package dev.gastown.beads.ops;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/** Refuses edges that would close a cycle, following every edge type but {@code relates-to} to depth 100. */
final class Cycles {
    private static final int MAX_DEPTH = 100;

    private Cycles() {
    }

    static void refuse(StoreView view, String from, String to, DependencyType type) {
        if (type.equals(DependencyType.RELATES_TO)) {
            return;
        }
        if (from.equals(to)) {
            throw new InvalidInputException("an issue cannot depend on itself");
        }
        ArrayDeque<String> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depth = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        queue.add(to);
        depth.add(0);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int d = depth.poll();
            IssueSummary s = view.summary(id);
            if (s == null || d >= MAX_DEPTH) {
                continue;
            }
            for (Edge e : s.edges()) {
                if (e.type().equals(DependencyType.RELATES_TO)) {
                    continue;
                }
                if (e.target().equals(from)) {
                    throw new InvalidInputException("adding " + from + " -> " + to + " (" + type
                            + ") would create a dependency cycle through " + id);
                }
                if (seen.add(e.target())) {
                    queue.add(e.target());
                    depth.add(d + 1);
                }
            }
        }
    }
}
