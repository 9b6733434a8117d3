package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.mol.TemplateNode;
import java.util.Collection;

/** A cooked template (a protomolecule) as JSON, for {@code bd cook} and {@code bd mol bond} of two formulas. */
final class TemplateJson {
    private TemplateJson() {
    }

    static JsonObject of(Template t, Collection<String> variables) {
        JsonArray steps = new JsonArray();
        t.steps().forEach(s -> steps.add(node(s)));
        JsonArray edges = new JsonArray();
        for (TemplateEdge e : t.edges()) {
            JsonObject o = new JsonObject().put("from", e.from()).put("to", e.to()).put("type", e.type().name());
            edges.add(o.putIfNotEmpty("metadata", e.metadata()));
        }
        JsonArray vars = new JsonArray();
        variables.forEach(vars::add);
        return new JsonObject().put("formula", t.name()).put("root", node(t.root())).put("steps", steps)
                .put("edges", edges).put("vars", vars);
    }

    private static JsonObject node(TemplateNode n) {
        JsonObject o = new JsonObject().put("key", n.key()).put("title", n.title())
                .putIfNotEmpty("description", n.description()).put("type", n.type().name())
                .put("priority", n.priority()).putIfNotEmpty("assignee", n.assignee());
        if (!n.labels().isEmpty()) {
            o.put("labels", BdJson.strings(n.labels()));
        }
        if (n.gate() != null) {
            o.put("gate", new JsonObject().put("await_type", n.gate().awaitType()).put("await_id", n.gate().awaitId())
                    .put("timeout", n.gate().timeoutNanos()));
        }
        return o.putIfNotEmpty("source_location", n.sourceLocation());
    }
}
