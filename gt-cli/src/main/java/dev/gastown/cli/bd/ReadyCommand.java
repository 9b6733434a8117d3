package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.Priorities;
import dev.gastown.beads.query.ExternalCapabilities;
import dev.gastown.beads.query.ReadyFilter;
import dev.gastown.beads.query.ReadyQuery;
import dev.gastown.beads.query.SortPolicy;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ready", description = "Issues with nothing blocking them, in working order.")
final class ReadyCommand extends BdCommand {
    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10", description = "0 for no limit.")
    int limit;

    @Option(names = {"-s", "--sort"}, paramLabel = "POLICY", defaultValue = "hybrid",
            description = "hybrid (default), priority or oldest.")
    String sort;

    @Option(names = {"--mol", "--parent"}, paramLabel = "ID", description = "Only steps below this issue.")
    String parent;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE")
    String type;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO")
    String assignee;

    @Option(names = {"-u", "--unassigned"})
    boolean unassigned;

    @Option(names = {"-p", "--priority"}, paramLabel = "P")
    String priority;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", split = ",")
    List<String> labels = new ArrayList<>();

    @Option(names = "--label-any", paramLabel = "LABEL", split = ",")
    List<String> labelsAny = new ArrayList<>();

    @Option(names = "--mol-type", paramLabel = "T")
    String molType;

    @Option(names = "--include-deferred")
    boolean includeDeferred;

    @Option(names = "--status", paramLabel = "STATUS", description = "Look at this status instead of open/in_progress.")
    String status;

    @Override
    int execute() {
        List<Issue> ready = store().read((StoreView view) -> {
            ReadyFilter f = new ReadyFilter(status == null ? null : context().parseStatus(status),
                    type == null ? null : IssueType.parseUserInput(type)
                            .orElseThrow(() -> new CliException("invalid type \"" + type + "\"")),
                    assignee, unassigned, priority == null ? null : Priorities.parse(priority), labels, labelsAny,
                    parent == null ? null : resolve(view, parent), molType, includeDeferred, SortPolicy.parse(sort),
                    limit);
            List<Issue> out = new ArrayList<>();
            for (String id : ReadyQuery.ready(view, f, System.currentTimeMillis() * 1000,
                    ExternalCapabilities.of(store().dir()))) {
                out.add(view.get(id));
            }
            return out;
        });
        if (json()) {
            JsonArray a = BdJson.issues(ready);
            out().json(a);
        } else if (ready.isEmpty()) {
            out().line("No ready work.");
        } else {
            out().line("Ready work (" + ready.size() + (ready.size() == 1 ? " issue" : " issues")
                    + " with no blockers):");
            int n = 0;
            for (Issue i : ready) {
                out().line(String.format("%d. [%s] %s: %s%s", ++n, Display.priority(i.priority()), i.id(), i.title(),
                        i.assignee().isEmpty() ? "" : " (@" + i.assignee() + ")"));
            }
        }
        return 0;
    }
}
