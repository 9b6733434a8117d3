package dev.gastown.core.daemon;

import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.town.TownLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code daemon/daemon.log}: timestamped lines from the resident daemon and from cron ticks. Each write opens the
 * log by name, so the first write after a rotation starts the new file; a log past 5 MB is rotated to
 * {@code daemon.log.1} before the write (older copies shift to {@code .2} and {@code .3}). Writes and rotations
 * hold {@code daemon/log.lock}, so a daemon and a tick never rotate the same file twice or interleave lines.
 */
public final class DaemonLog {
    static final long MAX_BYTES = 5L << 20;
    private static final int KEPT = 3;

    private DaemonLog() {
    }

    public static void append(DaemonFiles files, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        String now = Instant.now().toString();
        lines.forEach(l -> sb.append(now).append(' ').append(l).append('\n'));
        Path log = files.log();
        try (StoreLock.Held lock = TownLock.at(files.logLock())) {
            rotateIfLarge(log);
            Files.writeString(log, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the daemon log " + log, e);
        }
    }

    /**
     * Rotates {@code daemon.out} (a detached daemon's raw output, normally empty) before a new daemon starts writing
     * to it; the running daemon holds it open, so this is the moment it can be done.
     */
    public static void rotateOut(DaemonFiles files) {
        try (StoreLock.Held lock = TownLock.at(files.logLock())) {
            rotateIfLarge(files.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + files.out(), e);
        }
    }

    private static void rotateIfLarge(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) <= MAX_BYTES) {
            return;
        }
        for (int i = KEPT - 1; i >= 1; i--) {
            Path from = rotated(file, i);
            if (Files.exists(from)) {
                Files.move(from, rotated(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(file, 1), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path rotated(Path log, int n) {
        return log.resolveSibling(log.getFileName() + "." + n);
    }
}
