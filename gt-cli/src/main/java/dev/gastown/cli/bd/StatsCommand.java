package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.query.StatsQuery;
import dev.gastown.beads.store.StoreView;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "stats", description = "Counts by status and type; how much is ready and blocked.")
final class StatsCommand extends BdCommand {
    @Override
    int execute() {
        StatsQuery.Stats s = store().read((StoreView v) -> StatsQuery.stats(v, System.currentTimeMillis() * 1000));
        Map<String, Integer> st = s.byStatus();
        if (json()) {
            JsonObject byType = new JsonObject();
            s.byType().forEach(byType::put);
            JsonObject byStatus = new JsonObject();
            st.forEach(byStatus::put);
            out().json(new JsonObject()
                    .put("total_issues", s.total())
                    .put("open_issues", st.getOrDefault("open", 0))
                    .put("in_progress_issues", st.getOrDefault("in_progress", 0))
                    .put("closed_issues", st.getOrDefault("closed", 0))
                    .put("blocked_issues", s.blocked())
                    .put("ready_issues", s.ready())
                    .put("tombstone_issues", st.getOrDefault("tombstone", 0))
                    .put("wisp_issues", s.wisps())
                    .put("by_status", byStatus)
                    .put("by_type", byType));
            return 0;
        }
        out().line("Total issues: " + s.total());
        st.forEach((k, n) -> out().line("  " + k + ": " + n));
        out().line("Ready: " + s.ready() + "   Blocked: " + s.blocked() + "   Wisps: " + s.wisps());
        out().line("By type:");
        s.byType().forEach((k, n) -> out().line("  " + k + ": " + n));
        return 0;
    }
}
