package dev.gastown.beads.graph;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;

/**
 * An outgoing edge as the ready-work computation sees it. For {@code waits-for} edges, {@code gate} and
 * {@code spawner} come from the dependency's metadata; the spawner defaults to the target.
 */
public record Edge(String target, DependencyType type, WaitGate gate, String spawner) {

    public static Edge of(Dependency d) {
        if (!d.type().equals(DependencyType.WAITS_FOR)) {
            return new Edge(d.dependsOnId(), d.type(), WaitGate.NONE, d.dependsOnId());
        }
        WaitGate gate = WaitGate.ALL_CHILDREN;
        String spawner = d.dependsOnId();
        if (!d.metadata().isEmpty()) {
            try {
                JsonObject meta = JsonParser.parseObject(d.metadata());
                if (meta.string("gate").equals("any-children")) {
                    gate = WaitGate.ANY_CHILDREN;
                }
                if (!meta.string("spawner_id").isEmpty()) {
                    spawner = meta.string("spawner_id");
                }
            } catch (RuntimeException malformed) {
                // Metadata that is not a JSON object leaves the defaults, as the original's lenient read does.
            }
        }
        return new Edge(d.dependsOnId(), d.type(), gate, spawner);
    }

    public boolean isParent() {
        return type.equals(DependencyType.PARENT_CHILD);
    }
}
