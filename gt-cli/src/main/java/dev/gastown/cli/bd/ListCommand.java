package dev.gastown.cli.bd;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.Priorities;
import dev.gastown.beads.query.ListFilter;
import dev.gastown.beads.query.ListQuery;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", aliases = "ls", description = "List issues (open ones by default).")
final class ListCommand extends BdCommand {
    @Option(names = {"-s", "--status"}, paramLabel = "STATUS", split = ",",
            description = "Only these statuses; 'all' for every status.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--all", description = "Include closed issues.")
    boolean all;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE")
    String type;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO")
    String assignee;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", split = ",", description = "Has all of these labels.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--label-any", paramLabel = "LABEL", split = ",", description = "Has any of these labels.")
    List<String> labelsAny = new ArrayList<>();

    @Option(names = "--parent", paramLabel = "ID", description = "Direct children of ID.")
    String parent;

    @Option(names = {"-p", "--priority"}, paramLabel = "P")
    String priority;

    @Option(names = "--priority-min", paramLabel = "P")
    String priorityMin;

    @Option(names = "--priority-max", paramLabel = "P")
    String priorityMax;

    @Option(names = "--pinned", description = "Only pinned issues.")
    boolean pinned;

    @Option(names = "--include-templates")
    boolean includeTemplates;

    @Option(names = "--include-gates")
    boolean includeGates;

    @Option(names = "--mol-type", paramLabel = "T")
    String molType;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "priority",
            description = "priority (default), created, updated, id, status, type.")
    String sort;

    @Option(names = {"-r", "--reverse"})
    boolean reverse;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50", description = "0 for no limit.")
    int limit;

    @Override
    int execute() {
        List<Issue> issues = new ArrayList<>();
        JsonArray json = store().read((StoreView view) -> {
            ListFilter f = filter(view);
            JsonArray out = new JsonArray();
            for (IssueSummary s : ListQuery.list(view, f)) {
                Issue i = view.get(s.id());
                if (json()) {
                    out.add(BdJson.withCounts(i, view.dependents(i.id()).size()));
                } else {
                    issues.add(i);
                }
            }
            return out;
        });
        if (json()) {
            out().json(json);
        } else if (issues.isEmpty()) {
            out().line("No issues found.");
        } else {
            issues.forEach(i -> out().line(Display.line(i)));
        }
        return 0;
    }

    private ListFilter filter(StoreView view) {
        List<Status> wanted = new ArrayList<>();
        boolean everything = all;
        for (String s : statuses) {
            if (s.trim().equalsIgnoreCase("all")) {
                everything = true;
            } else {
                wanted.add(context().parseStatus(s));
            }
        }
        Integer min = priorityMin == null ? null : Priorities.parse(priorityMin);
        Integer max = priorityMax == null ? null : Priorities.parse(priorityMax);
        if (priority != null) {
            min = Priorities.parse(priority);
            max = min;
        }
        IssueType t = type == null ? null : IssueType.parseUserInput(type)
                .orElseThrow(() -> new CliException("invalid type \"" + type + "\""));
        return new ListFilter(wanted, everything, t, assignee, labels, labelsAny,
                parent == null ? null : resolve(view, parent), min, max, pinned, includeTemplates, includeGates,
                molType, ListFilter.ListSort.parse(sort), reverse, limit);
    }
}
