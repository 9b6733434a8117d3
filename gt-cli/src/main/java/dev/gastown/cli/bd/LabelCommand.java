package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.store.StoreView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "label", description = "Manage labels.",
        subcommands = {LabelCommand.Add.class, LabelCommand.Remove.class, LabelCommand.ListLabels.class,
            LabelCommand.ListAll.class})
final class LabelCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: add, remove, list or list-all");
    }

    /** Shared by add and remove: one label on several issues. */
    abstract static class Change extends BdCommand {
        @Parameters(index = "0", paramLabel = "ID")
        String issue;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        abstract IssueUpdate update(String label);

        abstract String verb();

        @Override
        int execute() {
            Issue i = store().write(tx -> Updates.apply(tx, context(), resolve(tx, issue), update(label.trim())));
            if (json()) {
                out().json(new JsonObject().put("status", verb()).put("issue_id", i.id()).put("label", label.trim()));
            } else {
                out().line("✓ Label " + label.trim() + " " + verb() + " on " + i.id());
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add a label to an issue.")
    static final class Add extends Change {
        @Override
        IssueUpdate update(String l) {
            return new IssueUpdate().addLabel(l);
        }

        @Override
        String verb() {
            return "added";
        }
    }

    @Command(name = "remove", aliases = "rm", description = "Remove a label from an issue.")
    static final class Remove extends Change {
        @Override
        IssueUpdate update(String l) {
            return new IssueUpdate().removeLabel(l);
        }

        @Override
        String verb() {
            return "removed";
        }
    }

    @Command(name = "list", description = "Labels of an issue.")
    static final class ListLabels extends BdCommand {
        @Parameters(paramLabel = "ID")
        String issue;

        @Override
        int execute() {
            List<String> labels = store().read((StoreView v) -> v.get(resolve(v, issue)).labels());
            if (json()) {
                out().json(BdJson.strings(labels));
            } else {
                out().line(labels.isEmpty() ? "No labels." : String.join("\n", labels));
            }
            return 0;
        }
    }

    @Command(name = "list-all", description = "Every label in use, with how many open issues carry it.")
    static final class ListAll extends BdCommand {
        @Override
        int execute() {
            Map<String, Integer> counts = store().read((StoreView v) -> {
                Map<String, Integer> c = new TreeMap<>();
                v.forEachActive(row -> row.labels().forEach(l -> c.merge(l, 1, Integer::sum)));
                return c;
            });
            if (json()) {
                JsonArray a = new JsonArray();
                counts.forEach((l, n) -> a.add(new JsonObject().put("label", l).put("count", n)));
                out().json(a);
            } else {
                counts.forEach((l, n) -> out().line(l + " (" + n + ")"));
            }
            return 0;
        }
    }
}
