package dev.gastown.cli.bd;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.mol.TemplateNode;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.cli.CliEnv;
import dev.gastown.cli.CliException;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.core.formula.CookMode;
import dev.gastown.core.formula.CookedFormula;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cook", description = "Cook a formula into a protomolecule: print it, or with --persist store it as "
        + "template beads ({{vars}} kept).")
final class CookCommand extends BdCommand {
    @Parameters(paramLabel = "FORMULA", description = "A formula name on the search path, or a path to a file.")
    String formula;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Substitute a variable (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--persist", description = "Write the proto as beads: root <name>, steps <name>.<step>.")
    boolean persist;

    @Option(names = "--force", description = "With --persist: replace an existing proto of that name.")
    boolean force;

    @Option(names = "--prefix", paramLabel = "P", description = "With --persist: root id P-<name>.")
    String prefix;

    @Override
    int execute() {
        CliEnv env = env();
        CookMode mode = persist || vars.isEmpty() ? CookMode.PROTO : CookMode.POUR;
        CookedFormula cooked = FormulaAccess.cooker(env, projectDir()).cook(FormulaAccess.nameOrPath(env, formula),
                FormulaAccess.vars(vars), mode);
        Template t = cooked.template();
        if (!persist) {
            if (json()) {
                out().json(TemplateJson.of(t, cooked.variables()));
            } else {
                out().line(t.name() + " (" + t.steps().size() + " steps; vars: "
                        + (cooked.variables().isEmpty() ? "none" : String.join(", ", cooked.variables())) + ")");
                t.steps().forEach(s -> out().line("  " + s.key() + ": " + s.title()));
            }
            return 0;
        }
        String rootId = prefix == null || prefix.isBlank() ? t.name() : prefix + "-" + t.name();
        int written = store().write(tx -> persist(tx, t, rootId));
        if (json()) {
            out().json(new dev.gastown.beads.json.JsonObject().put("proto_id", rootId).put("created", written));
        } else {
            out().line("✓ Persisted proto " + rootId + " (" + written + " template beads)");
        }
        return 0;
    }

    private java.nio.file.Path projectDir() {
        return store().dir().root();
    }

    private int persist(StoreTransaction tx, Template t, String rootId) {
        if (tx.contains(rootId) && !force) {
            throw new CliException("proto " + rootId + " exists; use --force to replace it");
        }
        Map<String, String> ids = new HashMap<>();
        ids.put(t.root().key(), rootId);
        t.steps().forEach(s -> ids.put(s.key(), rootId + "." + s.key()));
        Map<String, List<TemplateEdge>> out = new HashMap<>();
        t.edges().forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
        List<TemplateNode> nodes = new ArrayList<>();
        nodes.add(t.root());
        nodes.addAll(t.steps());
        Timestamp now = Timestamp.now();
        for (TemplateNode n : nodes) {
            String id = ids.get(n.key());
            List<dev.gastown.beads.model.Dependency> deps = new ArrayList<>();
            for (TemplateEdge e : out.getOrDefault(n.key(), List.of())) {
                deps.add(new dev.gastown.beads.model.Dependency(id, ids.get(e.to()), e.type(), now, actor(),
                        e.metadata(), "", List.of()));
            }
            TreeSet<String> labels = new TreeSet<>(n.labels());
            labels.add("template");
            Issue.Builder b = tx.find(id).map(Issue::toBuilder).orElseGet(() -> Issue.builder().createdAt(now)
                    .createdBy(actor()));
            b.id(id).title(n.title()).description(n.description()).design(n.design())
                    .acceptanceCriteria(n.acceptanceCriteria()).notes(n.notes()).status(Status.OPEN).closedAt(null)
                    .priority(n.priority()).issueType(n.type()).assignee(n.assignee()).updatedAt(now)
                    .labels(List.copyOf(labels)).dependencies(deps).isTemplate(true)
                    .sourceFormula(t.name()).sourceLocation(n.sourceLocation());
            if (n.gate() != null) {
                b.awaitType(n.gate().awaitType()).awaitId(n.gate().awaitId()).timeout(n.gate().timeoutNanos());
            }
            tx.put(b.build());
        }
        for (String stale : tx.idsWithPrefix(rootId + ".")) {
            if (!ids.containsValue(stale) && tx.summary(stale).template()) {
                dev.gastown.beads.ops.Closing.delete(tx, context(), stale, "replaced by bd cook --persist --force");
            }
        }
        return nodes.size();
    }
}
