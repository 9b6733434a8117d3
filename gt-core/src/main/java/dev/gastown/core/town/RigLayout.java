package dev.gastown.core.town;

import dev.gastown.beads.store.BeadsDir;
import java.nio.file.Path;

/**
 * Where a rig's parts live: {@code config.json}, the shared bare repository {@code .repo.git}, the rig's beads, the
 * Mayor's clone, the Refinery's worktree on the default branch, and the homes of the Witness, polecats and crew.
 */
public record RigLayout(Path root, String name) {

    public Path configJson() {
        return root.resolve("config.json");
    }

    public Path settingsFile() {
        return root.resolve("settings").resolve("config.json");
    }

    public Path bareRepo() {
        return root.resolve(".repo.git");
    }

    public BeadsDir beads() {
        return new BeadsDir(root.resolve(BeadsDir.DIR_NAME));
    }

    public Path mayorClone() {
        return root.resolve("mayor").resolve("rig");
    }

    public Path refineryDir() {
        return root.resolve("refinery");
    }

    public Path refineryWorktree() {
        return refineryDir().resolve("rig");
    }

    public Path witnessDir() {
        return root.resolve("witness");
    }

    public Path polecatsDir() {
        return root.resolve("polecats");
    }

    public Path polecatDir(String polecat) {
        return polecatsDir().resolve(polecat);
    }

    public Path crewDir() {
        return root.resolve("crew");
    }

    public Path crewDir(String member) {
        return crewDir().resolve(member);
    }

    /** Rig-local state that is not shared through git: the name pool, locks. */
    public Path runtimeDir() {
        return root.resolve(".runtime");
    }
}
