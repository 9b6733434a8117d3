package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.query.BlockedQuery;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "blocked", description = "Issues held up by open blockers, or marked blocked or deferred.")
final class BlockedCommand extends BdCommand {
    @Option(names = "--parent", paramLabel = "ID", description = "Only issues below this one.")
    String parent;

    @Override
    int execute() {
        List<String> lines = new ArrayList<>();
        JsonArray json = store().read((StoreView view) -> {
            JsonArray out = new JsonArray();
            for (BlockedQuery.Blocked b : BlockedQuery.blocked(view, parent == null ? null : resolve(view, parent))) {
                var issue = view.get(b.issue().id());
                if (json()) {
                    out.add(BdJson.issue(issue).put("blocked_by_count", b.blockedBy().size())
                            .put("blocked_by", BdJson.strings(b.blockedBy())));
                } else {
                    lines.add(Display.line(issue) + (b.blockedBy().isEmpty() ? ""
                            : "\n    blocked by: " + String.join(", ", b.blockedBy())));
                }
            }
            return out;
        });
        if (json()) {
            out().json(json);
        } else {
            out().line(lines.isEmpty() ? "No blocked issues." : String.join("\n", lines));
        }
        return 0;
    }
}
