package dev.gastown.core.town;

import dev.gastown.beads.store.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exclusive locks for read-modify-write of the town's files (rigs.json, routes, name pools), across threads and
 * processes; released by the kernel if the holder dies.
 */
public final class TownLock {
    private TownLock() {
    }

    /** The town-wide lock. */
    public static StoreLock.Held town(Town town) {
        return at(town.lockFile());
    }

    /** A lock on one file's worth of state. */
    public static StoreLock.Held at(Path lockFile) {
        try {
            Files.createDirectories(lockFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + lockFile.getParent(), e);
        }
        return StoreLock.of(lockFile).exclusive();
    }
}
