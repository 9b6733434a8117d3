package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", aliases = "view", description = "Show issues in full.")
final class ShowCommand extends BdCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = "--short", description = "One line per issue.")
    boolean brief;

    @Override
    int execute() {
        List<String> text = new ArrayList<>();
        JsonArray json = store().read((StoreView view) -> {
            JsonArray out = new JsonArray();
            for (String typed : ids) {
                Issue i = view.get(resolve(view, typed));
                if (json()) {
                    out.add(BdJson.details(view, i));
                } else {
                    text.add(brief ? Display.line(i) : render(view, i));
                }
            }
            return out;
        });
        if (json()) {
            out().json(json);
        } else {
            out().line(String.join(brief ? "\n" : "\n\n", text));
        }
        return 0;
    }

    private static String render(StoreView view, Issue i) {
        StringBuilder sb = new StringBuilder();
        sb.append(i.id()).append(": ").append(i.title()).append('\n');
        sb.append("Status: ").append(i.status().name());
        if (!i.closeReason().isEmpty()) {
            sb.append(" (").append(i.closeReason()).append(')');
        }
        sb.append("\nPriority: ").append(Display.priority(i.priority()));
        sb.append("\nType: ").append(i.issueType().name());
        if (!i.assignee().isEmpty()) {
            sb.append("\nAssignee: ").append(i.assignee());
        }
        sb.append("\nCreated: ").append(i.createdAt().text());
        if (!i.createdBy().isEmpty()) {
            sb.append(" by ").append(i.createdBy());
        }
        sb.append("\nUpdated: ").append(i.updatedAt().text());
        if (i.ephemeral()) {
            sb.append("\nWisp: yes (never exported)");
        }
        section(sb, "Description", i.description());
        section(sb, "Design", i.design());
        section(sb, "Acceptance criteria", i.acceptanceCriteria());
        section(sb, "Notes", i.notes());
        if (!i.labels().isEmpty()) {
            sb.append("\n\nLabels: ").append(String.join(", ", i.labels()));
        }
        if (!i.dependencies().isEmpty()) {
            sb.append("\n\nDepends on (").append(i.dependencies().size()).append("):");
            for (Dependency d : i.dependencies()) {
                sb.append("\n  → ").append(d.dependsOnId());
                view.find(d.dependsOnId()).ifPresent(t -> sb.append(": ").append(t.title()).append(" [")
                        .append(t.status().name()).append(']'));
                sb.append(" (").append(d.type().name()).append(')');
            }
        }
        List<Incoming> dependents = view.dependents(i.id());
        if (!dependents.isEmpty()) {
            sb.append("\n\nDependents (").append(dependents.size()).append("):");
            for (Incoming in : dependents) {
                sb.append("\n  ← ").append(in.sourceId());
                view.find(in.sourceId()).ifPresent(s -> sb.append(": ").append(s.title()).append(" [")
                        .append(s.status().name()).append(']'));
                sb.append(" (").append(in.type().name()).append(')');
            }
        }
        if (!i.comments().isEmpty()) {
            sb.append("\n\nComments (").append(i.comments().size()).append("):");
            for (Comment c : i.comments()) {
                sb.append("\n  [").append(c.author()).append(" at ").append(c.createdAt().text()).append("]\n")
                        .append(Display.indent(c.text(), "    "));
            }
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, String text) {
        if (!text.isEmpty()) {
            sb.append("\n\n").append(name).append(":\n").append(text);
        }
    }
}
