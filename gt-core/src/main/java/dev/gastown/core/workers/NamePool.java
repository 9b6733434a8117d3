package dev.gastown.core.workers;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.RigLayout;
import java.util.List;
import java.util.Set;

/**
 * Hands out polecat names: the first name of the rig's list (custom names, else the theme) that no live polecat
 * holds, so a name comes back once its polecat is nuked; when all are taken, numbered names
 * ({@code polecat51}...) that are never reused. Callers hold the rig's worker lock.
 */
final class NamePool {
    private NamePool() {
    }

    static String allocate(RigLayout rig, List<String> names, Set<String> inUse) {
        for (String n : names) {
            if (!inUse.contains(n)) {
                return n;
            }
        }
        JsonObject state = JsonFiles.readIfExists(stateFile(rig)).orElseGet(JsonObject::new);
        long next = state.find("overflow_next").map(v -> v.asLong()).orElse((long) names.size() + 1);
        String name;
        do {
            name = "polecat" + next++;
        } while (inUse.contains(name));
        JsonFiles.write(stateFile(rig), state.put("overflow_next", next));
        return name;
    }

    private static java.nio.file.Path stateFile(RigLayout rig) {
        return rig.runtimeDir().resolve("namepool.json");
    }
}
