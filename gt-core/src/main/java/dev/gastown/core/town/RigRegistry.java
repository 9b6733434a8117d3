package dev.gastown.core.town;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mayor/rigs.json}: the rigs of a town, in the order they were added. */
public final class RigRegistry {
    private static final int VERSION = 1;

    private RigRegistry() {
    }

    public static List<RigEntry> list(Town town) {
        JsonObject root = JsonFiles.readIfExists(town.rigsJson()).orElseGet(JsonObject::new);
        List<RigEntry> rigs = new ArrayList<>();
        root.find("rigs").ifPresent(r -> {
            for (Map.Entry<String, JsonValue> e : r.asObject().entries()) {
                rigs.add(RigEntry.fromJson(e.getKey(), e.getValue().asObject()));
            }
        });
        return rigs;
    }

    public static Optional<RigEntry> find(Town town, String name) {
        return list(town).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Adds or replaces an entry. Callers hold the town lock. */
    public static void put(Town town, RigEntry entry) {
        write(town, withChange(town, entry.name(), entry));
    }

    /** Removes an entry. Callers hold the town lock. */
    public static void remove(Town town, String name) {
        write(town, withChange(town, name, null));
    }

    private static List<RigEntry> withChange(Town town, String name, RigEntry replacement) {
        List<RigEntry> rigs = new ArrayList<>(list(town));
        int at = -1;
        for (int i = 0; i < rigs.size(); i++) {
            if (rigs.get(i).name().equals(name)) {
                at = i;
            }
        }
        if (replacement == null) {
            if (at >= 0) {
                rigs.remove(at);
            }
        } else if (at >= 0) {
            rigs.set(at, replacement);
        } else {
            rigs.add(replacement);
        }
        return rigs;
    }

    static void write(Town town, List<RigEntry> rigs) {
        JsonObject map = new JsonObject();
        for (RigEntry r : rigs) {
            map.put(r.name(), r.toJson());
        }
        JsonFiles.write(town.rigsJson(), new JsonObject().put("version", VERSION).put("rigs", map));
    }
}
