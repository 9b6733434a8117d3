package dev.gastown.cli.bd;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dep", description = "Manage dependencies between issues.",
        subcommands = {DepCommand.Add.class, DepCommand.Remove.class, DepCommand.ListDeps.class,
            DepCommand.Tree.class})
final class DepCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: add, remove, list or tree");
    }

    @Command(name = "add", description = "ISSUE depends on DEPENDS_ON (ISSUE waits for it, with type blocks).")
    static final class Add extends BdCommand {
        @Parameters(index = "0", paramLabel = "ISSUE")
        String issue;

        @Parameters(index = "1", paramLabel = "DEPENDS_ON")
        String dependsOn;

        @Option(names = {"-t", "--type"}, paramLabel = "TYPE", defaultValue = "blocks",
                description = "blocks (default), parent-child, conditional-blocks, waits-for, related, "
                        + "discovered-from, relates-to, or any custom name up to 50 characters.")
        String type;

        @Override
        int execute() {
            DependencyType t = DependencyType.of(type.trim());
            if (!DependencyType.isValidName(type)) {
                throw new CliException("invalid dependency type \"" + type + "\"");
            }
            String[] ids = new String[2];
            Dependencies.Added result = store().write(tx -> {
                ids[0] = resolve(tx, issue);
                ids[1] = dependsOn.startsWith("external:") ? dependsOn : resolve(tx, dependsOn);
                return Dependencies.add(tx, context(), ids[0], ids[1], t, "");
            });
            if (json()) {
                out().json(new JsonObject().put("status", result == Dependencies.Added.ADDED ? "added" : "exists")
                        .put("issue_id", ids[0]).put("depends_on_id", ids[1]).put("type", t.name()));
            } else {
                out().line((result == Dependencies.Added.ADDED ? "✓ Added dependency: " : "Already present: ")
                        + ids[0] + " depends on " + ids[1] + " (" + t.name() + ")");
            }
            return 0;
        }
    }

    @Command(name = "remove", aliases = "rm", description = "Remove the edge from ISSUE to DEPENDS_ON.")
    static final class Remove extends BdCommand {
        @Parameters(index = "0", paramLabel = "ISSUE")
        String issue;

        @Parameters(index = "1", paramLabel = "DEPENDS_ON")
        String dependsOn;

        @Override
        int execute() {
            String[] ids = new String[2];
            DependencyType removed = store().write(tx -> {
                ids[0] = resolve(tx, issue);
                ids[1] = dependsOn.startsWith("external:") || tx.contains(dependsOn) ? dependsOn
                        : resolve(tx, dependsOn);
                return Dependencies.remove(tx, ids[0], ids[1]);
            });
            if (removed == null) {
                throw new CliException(ids[0] + " does not depend on " + ids[1]);
            }
            if (json()) {
                out().json(new JsonObject().put("status", "removed").put("issue_id", ids[0])
                        .put("depends_on_id", ids[1]).put("type", removed.name()));
            } else {
                out().line("✓ Removed dependency: " + ids[0] + " no longer depends on " + ids[1]);
            }
            return 0;
        }
    }

    @Command(name = "list", description = "What ISSUE depends on (down) or what depends on it (up).")
    static final class ListDeps extends BdCommand {
        @Parameters(paramLabel = "ISSUE")
        String issue;

        @Option(names = "--direction", paramLabel = "DIR", defaultValue = "down", description = "down or up.")
        String direction;

        @Override
        int execute() {
            List<String> lines = new ArrayList<>();
            JsonArray json = store().read((StoreView view) -> {
                String id = resolve(view, issue);
                JsonArray out = new JsonArray();
                List<String[]> pairs = new ArrayList<>();
                if (direction.equals("up")) {
                    for (Incoming in : view.dependents(id)) {
                        pairs.add(new String[] {in.sourceId(), in.type().name()});
                    }
                } else if (direction.equals("down")) {
                    for (Edge e : view.summary(id).edges()) {
                        pairs.add(new String[] {e.target(), e.type().name()});
                    }
                } else {
                    throw new CliException("invalid --direction \"" + direction + "\" (down or up)");
                }
                for (String[] p : pairs) {
                    var other = view.find(p[0]);
                    if (other.isPresent()) {
                        out.add(BdJson.issue(other.get()).put("dependency_type", p[1]));
                        lines.add(Display.line(other.get()) + " (" + p[1] + ")");
                    } else {
                        lines.add(p[0] + " (" + p[1] + ", not in this store)");
                    }
                }
                return out;
            });
            if (json()) {
                out().json(json);
            } else {
                out().line(lines.isEmpty() ? "No dependencies." : String.join("\n", lines));
            }
            return 0;
        }
    }

    @Command(name = "tree", description = "The dependency tree below (or above) an issue.")
    static final class Tree extends BdCommand {
        @Parameters(paramLabel = "ISSUE")
        String issue;

        @Option(names = "--direction", paramLabel = "DIR", defaultValue = "down", description = "down, up or both.")
        String direction;

        @Option(names = "--max-depth", paramLabel = "N", defaultValue = "50")
        int maxDepth;

        @Option(names = "--format", paramLabel = "FMT", description = "mermaid for a Mermaid flowchart.")
        String format;

        private record Node(String id, String title, String status, int priority, int depth, String parent,
                String type) {
        }

        @Override
        int execute() {
            if (!List.of("down", "up", "both").contains(direction)) {
                throw new CliException("invalid --direction \"" + direction + "\" (down, up or both)");
            }
            List<Node> nodes = store().read((StoreView view) -> {
                String root = resolve(view, issue);
                List<Node> out = new ArrayList<>();
                IssueSummary s = view.summary(root);
                out.add(new Node(root, view.get(root).title(), s.status().name(), s.priority(), 0, "", ""));
                if (!direction.equals("up")) {
                    walk(view, root, 1, true, new HashSet<>(List.of(root)), out);
                }
                if (!direction.equals("down")) {
                    walk(view, root, 1, false, new HashSet<>(List.of(root)), out);
                }
                return out;
            });
            if (json()) {
                JsonArray a = new JsonArray();
                for (Node n : nodes) {
                    JsonObject o = new JsonObject().put("id", n.id()).put("title", n.title()).put("status", n.status())
                            .put("priority", n.priority()).put("depth", n.depth());
                    o.putIfNotEmpty("parent_id", n.parent()).putIfNotEmpty("dependency_type", n.type());
                    a.add(o);
                }
                out().json(a);
            } else if ("mermaid".equals(format)) {
                out().line("flowchart TD");
                for (Node n : nodes) {
                    out().line("  " + key(n.id()) + "[\"" + n.id() + ": " + n.title().replace("\"", "'") + "\"]");
                    if (!n.parent().isEmpty()) {
                        out().line("  " + key(n.parent()) + " --> " + key(n.id()));
                    }
                }
            } else {
                for (Node n : nodes) {
                    out().line("  ".repeat(n.depth()) + (n.depth() == 0 ? "" : "└─ ") + n.id() + ": " + n.title()
                            + " [" + n.status() + "]" + (n.type().isEmpty() ? "" : " (" + n.type() + ")"));
                }
            }
            return 0;
        }

        private void walk(StoreView view, String id, int depth, boolean down, Set<String> seen, List<Node> out) {
            if (depth > maxDepth) {
                return;
            }
            List<String[]> next = new ArrayList<>();
            if (down) {
                view.summary(id).edges().forEach(e -> next.add(new String[] {e.target(), e.type().name()}));
            } else {
                view.dependents(id).forEach(in -> next.add(new String[] {in.sourceId(), in.type().name()}));
            }
            for (String[] n : next) {
                IssueSummary s = view.summary(n[0]);
                if (s == null || !seen.add(n[0])) {
                    continue;
                }
                out.add(new Node(n[0], view.get(n[0]).title(), s.status().name(), s.priority(), depth, id, n[1]));
                walk(view, n[0], depth + 1, down, seen, out);
            }
        }

        private static String key(String id) {
            return id.replaceAll("[^A-Za-z0-9_]", "_");
        }
    }
}
