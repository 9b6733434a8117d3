package dev.gastown.beads.query;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.store.StoreView;
import java.util.Map;
import java.util.TreeMap;

/** {@code bd stats}: counts by status and type, and how much is ready, blocked, or a wisp. */
public final class StatsQuery {
    private StatsQuery() {
    }

    /** The figures {@code bd stats} reports. */
    public record Stats(int total, Map<String, Integer> byStatus, Map<String, Integer> byType, int ready, int blocked,
            int wisps) {
    }

    public static Stats stats(StoreView view, long nowMicros) {
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        int[] counts = new int[4]; // total, ready, blocked, wisps
        ReadyFilter everything = ReadyFilter.defaults().withLimit(0);
        view.forEachIssue((IssueRow row) -> {
            counts[0]++;
            byStatus.merge(row.status().name(), 1, Integer::sum);
            byType.merge(row.type().name(), 1, Integer::sum);
            if (row.ephemeral()) {
                counts[3]++;
            }
            if (!row.status().isTerminal()) {
                if (view.isBlocked(row)) {
                    counts[2]++;
                } else if (ReadyQuery.qualifies(view, row, everything, nowMicros, null, null)) {
                    counts[1]++;
                }
            }
        });
        return new Stats(counts[0], byStatus, byType, counts[1], counts[2], counts[3]);
    }
}
