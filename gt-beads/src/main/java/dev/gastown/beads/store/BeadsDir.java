package dev.gastown.beads.store;

import java.nio.file.Path;

/**
 * The files of one {@code .beads} directory. {@code issues.jsonl} (and config, metadata, formulas) are tracked in
 * git; the rest are local working files, listed in the {@code .gitignore} that {@code bd init} writes.
 */
public record BeadsDir(Path path) {
    public static final String DIR_NAME = ".beads";

    public BeadsDir {
        path = path.toAbsolutePath().normalize();
    }

    /** The git-tracked issues: the source of truth. */
    public Path issuesJsonl() {
        return path.resolve("issues.jsonl");
    }

    /** Wisps (ephemeral issues), in the same line format; never tracked. */
    public Path wispsJsonl() {
        return path.resolve("wisps.jsonl");
    }

    /** Write-behind journal of changes not yet compacted into the JSONL files. */
    public Path journal() {
        return path.resolve("journal.bin");
    }

    /** The binary index over both JSONL files. */
    public Path index() {
        return path.resolve("index.bin");
    }

    /** The file whose POSIX lock serialises writers across processes. */
    public Path lockFile() {
        return path.resolve("store.lock");
    }

    public Path configYaml() {
        return path.resolve("config.yaml");
    }

    public Path metadataJson() {
        return path.resolve("metadata.json");
    }

    public Path gitignore() {
        return path.resolve(".gitignore");
    }

    public Path formulas() {
        return path.resolve("formulas");
    }

    /** The directory that holds {@code .beads}: the repository or worktree root. */
    public Path root() {
        return path.getParent();
    }

    /** Names of the local files {@code bd init} puts in {@code .beads/.gitignore}. */
    public static java.util.List<String> localFileNames() {
        return java.util.List.of("wisps.jsonl", "journal.bin", "index.bin", "store.lock", "*.tmp", "redirect",
                "beads.base.jsonl", "beads.left.jsonl", "beads.right.jsonl", "*.db", "*.db?*", "bd.sock",
                "daemon.lock", "daemon.log", "daemon.pid");
    }
}
