package dev.gastown.core.formula;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.mol.TemplateNode;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns cooked steps into a {@link Template}: a root epic keyed by the formula name, one node per step (an epic when
 * it has children), a gate node {@code <parent>.gate-<step>} per {@code [steps.gate]}. Every node has a
 * {@code parent-child} edge to its enclosing step or the root; {@code needs} and {@code depends_on} become
 * {@code blocks} edges, {@code waits_for} a {@code waits-for} edge with {@code {"gate":…}} metadata (it replaces a
 * {@code blocks} edge to the same step, as two issues have at most one dependency). Unknown references, duplicate
 * ids and dependency cycles are refused.
 */
final class TemplateBuilder {
    private static final Set<String> STEP_TYPES = Set.of("task", "bug", "feature", "epic", "chore");

    private final Formula formula;
    private final List<TemplateNode> nodes = new ArrayList<>();
    private final List<TemplateEdge> edges = new ArrayList<>();
    private final Map<String, Integer> indexByKey;

    private TemplateBuilder(Formula formula, int expectedNodes) {
        this.formula = formula;
        this.indexByKey = new HashMap<>(expectedNodes * 4 / 3 + 16);
    }

    static Template build(Formula formula, List<Step> steps) {
        int[] count = new int[1];
        StepTree.forEach(steps, s -> count[0] += s.gate() == null ? 1 : 2);
        TemplateBuilder b = new TemplateBuilder(formula, count[0]);
        TemplateNode root = b.root();
        b.indexByKey.put(root.key(), -1);
        b.addNodes(steps, root.key());
        b.addDependencies(steps, root.key());
        b.checkAcyclic(root.key());
        return new Template(formula.name(), root, b.nodes, b.edges);
    }

    private TemplateNode root() {
        String title = formula.vars().containsKey("title") ? "{{title}}" : formula.name();
        String description = formula.vars().containsKey("desc") ? "{{desc}}" : formula.description();
        return new TemplateNode(formula.name(), title, description, "", "", "", IssueType.EPIC, 2, List.of(), "", null,
                formula.name(), "", null);
    }

    private void addNodes(List<Step> steps, String parentKey) {
        for (Step s : steps) {
            add(stepNode(s), s.id());
            edges.add(new TemplateEdge(s.id(), parentKey, DependencyType.PARENT_CHILD, ""));
            if (s.gate() != null) {
                String gateKey = parentKey + ".gate-" + s.id();
                add(gateNode(s, gateKey), s.id());
                edges.add(new TemplateEdge(gateKey, parentKey, DependencyType.PARENT_CHILD, ""));
                edges.add(new TemplateEdge(s.id(), gateKey, DependencyType.BLOCKS, ""));
            }
            addNodes(s.children(), s.id());
        }
    }

    private void add(TemplateNode node, String stepId) {
        if (indexByKey.putIfAbsent(node.key(), nodes.size()) != null) {
            throw formula.error(FormulaException.Kind.DUPLICATE_STEP, stepId,
                    "cooking produced two steps with id \"" + node.key() + "\"");
        }
        nodes.add(node);
    }

    private TemplateNode stepNode(Step s) {
        IssueType type = !s.children().isEmpty() ? IssueType.EPIC
                : STEP_TYPES.contains(s.type()) ? IssueType.of(s.type()) : IssueType.TASK;
        List<String> labels = s.labels();
        if (!s.waitsFor().isEmpty()) {
            labels = new ArrayList<>(labels);
            labels.add("gate:" + s.waitsFor());
        }
        return new TemplateNode(s.id(), s.title(), s.description(), "", s.acceptance(), s.notes(), type,
                s.priority() == null ? 2 : s.priority(), labels, s.assignee(), null, s.sourceFormula(),
                s.sourceLocation(), null);
    }

    private TemplateNode gateNode(Step s, String key) {
        StepGate g = s.gate();
        String title = "Gate: " + g.type() + (g.id().isEmpty() ? "" : " " + g.id());
        long timeout = g.timeout().isEmpty() ? 0 : GoDuration.parseNanos(g.timeout());
        return new TemplateNode(key, title, "Async gate for step " + s.id(), "", "", "", IssueType.GATE, 2, List.of(),
                "", null, s.sourceFormula(), s.sourceLocation() + ".gate",
                new TemplateNode.GateSpec(g.type(), g.id(), timeout));
    }

    private void addDependencies(List<Step> steps, String parentKey) {
        for (Step s : steps) {
            WaitsFor waits = s.waitsFor().isEmpty() ? null : WaitsFor.parse(s.waitsFor());
            String spawner = waits == null ? null : waits.spawner().isEmpty()
                    ? (s.needs().isEmpty() ? null : s.needs().get(0)) : waits.spawner();
            List<String> targets = s.prerequisites();
            for (int i = 0; i < targets.size(); i++) {
                String target = targets.get(i);
                if (targets.subList(0, i).contains(target)) {
                    continue;
                }
                requireKnown(s, target, "needs");
                if (target.equals(parentKey)) {
                    throw formula.error(FormulaException.Kind.SCHEMA, s.id(),
                            "needs its own parent \"" + target + "\"; a child already belongs to its parent");
                }
                if (!target.equals(spawner)) {
                    edges.add(new TemplateEdge(s.id(), target, DependencyType.BLOCKS, ""));
                }
            }
            if (spawner != null) {
                requireKnown(s, spawner, "waits_for");
                JsonObject meta = new JsonObject().put("gate", waits.gate());
                if (!waits.spawner().isEmpty()) {
                    meta.put("spawner_id", waits.spawner());
                }
                edges.add(new TemplateEdge(s.id(), spawner, DependencyType.WAITS_FOR, meta.toJson()));
            }
            addDependencies(s.children(), s.id());
        }
    }

    private void requireKnown(Step s, String target, String field) {
        if (!indexByKey.containsKey(target)) {
            throw formula.error(FormulaException.Kind.UNKNOWN_REFERENCE, s.id(),
                    field + " references unknown step \"" + target + "\"");
        }
    }

    /**
     * Refuses cycles over all edges (the store rejects them too). Sinks are peeled off in linear time; whatever
     * remains holds a cycle, which is then walked to name it.
     */
    private void checkAcyclic(String rootKey) {
        int n = nodes.size() + 1;
        int rootIndex = n - 1;
        int[] from = new int[edges.size()];
        int[] to = new int[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            from[i] = index(edges.get(i).from(), rootKey, rootIndex);
            to[i] = index(edges.get(i).to(), rootKey, rootIndex);
        }
        int[][] out = adjacency(n, from, to);
        int[][] in = adjacency(n, to, from);
        int[] outDegree = new int[n];
        for (int f : from) {
            outDegree[f]++;
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (outDegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int i = in[0][v]; i < in[0][v + 1]; i++) {
                int p = in[1][i];
                if (--outDegree[p] == 0) {
                    queue[tail++] = p;
                }
            }
        }
        if (tail == n) {
            return;
        }
        int start = 0;
        while (outDegree[start] == 0) {
            start++;
        }
        throw cycleFrom(start, out, outDegree, rootKey, rootIndex);
    }

    private FormulaException cycleFrom(int start, int[][] out, int[] remaining, String rootKey, int rootIndex) {
        Map<Integer, Integer> position = new HashMap<>();
        List<Integer> path = new ArrayList<>();
        int v = start;
        while (!position.containsKey(v)) {
            position.put(v, path.size());
            path.add(v);
            int next = -1;
            for (int i = out[0][v]; i < out[0][v + 1] && next < 0; i++) {
                if (remaining[out[1][i]] > 0) {
                    next = out[1][i];
                }
            }
            v = next;
        }
        List<String> names = new ArrayList<>();
        for (int i = position.get(v); i < path.size(); i++) {
            names.add(key(path.get(i), rootKey, rootIndex));
        }
        names.add(key(v, rootKey, rootIndex));
        return formula.error(FormulaException.Kind.CYCLE, names.get(0),
                "dependency cycle: " + String.join(" -> ", names) + " (each waits for the next)");
    }

    private int index(String key, String rootKey, int rootIndex) {
        return key.equals(rootKey) ? rootIndex : indexByKey.get(key);
    }

    private String key(int index, String rootKey, int rootIndex) {
        return index == rootIndex ? rootKey : nodes.get(index).key();
    }

    /** Compressed adjacency: {@code [0]} holds n+1 offsets into {@code [1]}, the neighbours. */
    private static int[][] adjacency(int n, int[] from, int[] to) {
        int[] offsets = new int[n + 1];
        for (int f : from) {
            offsets[f + 1]++;
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = offsets.clone();
        int[] neighbours = new int[from.length];
        for (int i = 0; i < from.length; i++) {
            neighbours[fill[from[i]]++] = to[i];
        }
        return new int[][] {offsets, neighbours};
    }
}
