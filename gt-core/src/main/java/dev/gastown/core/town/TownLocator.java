package dev.gastown.core.town;

import dev.gastown.core.GtException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the town a command runs in: {@code GT_ROOT} when set, else the nearest ancestor holding mayor/town.json. */
public final class TownLocator {
    public static final String GT_ROOT = "GT_ROOT";

    private TownLocator() {
    }

    public static Optional<Town> find(Map<String, String> env, Path cwd) {
        String root = env.get(GT_ROOT);
        if (root != null && !root.isBlank()) {
            Town t = new Town(cwd.resolve(root));
            if (!Files.isRegularFile(t.townJson())) {
                throw new GtException(GT_ROOT + " is " + t.root() + ", which is not a town (no mayor/town.json)");
            }
            return Optional.of(t);
        }
        return enclosing(cwd);
    }

    /** The nearest town at or above {@code dir}. */
    public static Optional<Town> enclosing(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mayor").resolve("town.json"))) {
                return Optional.of(new Town(p));
            }
        }
        return Optional.empty();
    }

    public static Town require(Map<String, String> env, Path cwd) {
        return find(env, cwd).orElseThrow(() -> new GtException("not in a Gas Town workspace: no mayor/town.json in "
                + cwd.toAbsolutePath() + " or above (run gt install DIR, or set " + GT_ROOT + ")"));
    }
}
