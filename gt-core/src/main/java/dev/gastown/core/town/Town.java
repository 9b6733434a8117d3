package dev.gastown.core.town;

import dev.gastown.beads.store.BeadsDir;
import dev.gastown.core.identity.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A town on disk, and where everything in it lives. Paths only: reading and writing belong to the classes that
 * own each file. The root is always the real path (symbolic links resolved), so a town reached through a link and
 * the same town found from a working directory inside it are one town: one tmux socket, one set of identities.
 */
public record Town(Path root) {
    public Town {
        root = realPath(root);
    }

    /**
     * {@code path} absolute, normalised, with every symbolic link resolved; of a path that does not exist yet (a
     * town being installed), the part that exists is resolved and the rest kept as spelled.
     */
    public static Path realPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + abs, e);
        }
    }

    public Path mayorDir() {
        return root.resolve("mayor");
    }

    /** The marker that makes a directory a town. */
    public Path townJson() {
        return mayorDir().resolve("town.json");
    }

    public Path rigsJson() {
        return mayorDir().resolve("rigs.json");
    }

    public Path overseerJson() {
        return mayorDir().resolve("overseer.json");
    }

    public Path beadsRoot() {
        return root;
    }

    public BeadsDir beads() {
        return new BeadsDir(root.resolve(BeadsDir.DIR_NAME));
    }

    public Path eventsFile() {
        return root.resolve(".events.jsonl");
    }

    /** Town-local runtime state that is never shared: locks, the tmux socket name, restart trackers. */
    public Path runtimeDir() {
        return root.resolve(".gt");
    }

    public Path lockFile() {
        return runtimeDir().resolve("town.lock");
    }

    public Path settingsFile() {
        return root.resolve("settings").resolve("config.json");
    }

    /** Optional, hand-written: named mailing lists ({@code {"lists": {"NAME": ["ADDRESS", ...]}}}). */
    public Path messagingJson() {
        return root.resolve("config").resolve("messaging.json");
    }

    public Path deaconDir() {
        return root.resolve("deacon");
    }

    public Path dogsDir() {
        return deaconDir().resolve("dogs");
    }

    public Path daemonDir() {
        return root.resolve("daemon");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public RigLayout rig(String name) {
        return new RigLayout(root.resolve(name), name);
    }

    /** The directory an agent works in. */
    public Path home(Address a) {
        return switch (a.role()) {
            case MAYOR -> root;
            case DEACON -> deaconDir();
            case BOOT -> dogsDir().resolve("boot");
            case DOG -> dogsDir().resolve(a.name().orElseThrow());
            case WITNESS -> rig(a.rig().orElseThrow()).witnessDir();
            case REFINERY -> rig(a.rig().orElseThrow()).refineryWorktree();
            case POLECAT -> rig(a.rig().orElseThrow()).polecatDir(a.name().orElseThrow());
            case CREW -> rig(a.rig().orElseThrow()).crewDir(a.name().orElseThrow());
            case OVERSEER -> throw new IllegalArgumentException("the overseer has no home in the town");
        };
    }
}
