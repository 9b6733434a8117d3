package dev.gastown.core.workers;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.town.JsonFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Hands out worker names: the first name of a list that no live worker holds, so a name comes back once its worker
 * is gone; when all are taken, numbered names ({@code polecat51}, {@code dog9}...) that are never reused, counted in
 * {@code stateFile}. Callers hold the lock that guards the workers' directories.
 */
final class NamePool {
    private NamePool() {
    }

    static String allocate(Path stateFile, List<String> names, String overflowPrefix, Set<String> inUse) {
        for (String n : names) {
            if (!inUse.contains(n)) {
                return n;
            }
        }
        JsonObject state = JsonFiles.readIfExists(stateFile).orElseGet(JsonObject::new);
        long next = state.find("overflow_next").map(v -> v.asLong()).orElse((long) names.size() + 1);
        String name;
        do {
            name = overflowPrefix + next++;
        } while (inUse.contains(name));
        JsonFiles.write(stateFile, state.put("overflow_next", next));
        return name;
    }
}
