package dev.gastown.beads.mol;

import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.query.Descendants;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Protos persisted as template beads ({@code bd cook --persist}) read back as templates, for pouring. */
public final class Protos {
    private Protos() {
    }

    /** Whether {@code id} is the root of a persisted proto. */
    public static boolean isProto(StoreView view, String id) {
        var s = view.summary(id);
        return s != null && s.template();
    }

    public static Template template(StoreView view, String rootId) {
        Issue root = view.get(rootId);
        if (!root.isTemplate()) {
            throw new MoleculeException(rootId + " is not a proto (template) bead");
        }
        Map<String, String> keyOf = new HashMap<>();
        keyOf.put(rootId, rootId);
        List<Issue> steps = new ArrayList<>();
        for (String id : Descendants.of(view, rootId)) {
            steps.add(view.get(id));
            keyOf.put(id, id.startsWith(rootId + ".") ? id.substring(rootId.length() + 1) : id);
        }
        steps.sort((a, b) -> a.createdAt().compareTo(b.createdAt()) != 0 ? a.createdAt().compareTo(b.createdAt())
                : a.id().compareTo(b.id()));
        List<TemplateNode> nodes = new ArrayList<>();
        List<TemplateEdge> edges = new ArrayList<>();
        for (Issue s : steps) {
            nodes.add(node(s, keyOf.get(s.id())));
            for (Dependency d : s.dependencies()) {
                if (keyOf.containsKey(d.dependsOnId())) {
                    edges.add(new TemplateEdge(keyOf.get(s.id()), keyOf.get(d.dependsOnId()), d.type(), d.metadata()));
                }
            }
        }
        return new Template(rootId, node(root, rootId), nodes, edges);
    }

    private static TemplateNode node(Issue i, String key) {
        List<String> labels = i.labels().stream().filter(l -> !l.equals("template")).toList();
        TemplateNode.GateSpec gate = i.awaitType().isEmpty() ? null
                : new TemplateNode.GateSpec(i.awaitType(), i.awaitId(), i.timeout());
        return new TemplateNode(key, i.title(), i.description(), i.design(), i.acceptanceCriteria(), i.notes(),
                i.issueType(), i.priority(), labels, i.assignee(), i.estimatedMinutes(), i.sourceFormula(),
                i.sourceLocation(), gate);
    }
}
