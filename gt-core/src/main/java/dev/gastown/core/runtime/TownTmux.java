package dev.gastown.core.runtime;

import dev.gastown.beads.store.Fsync;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.Sessions;
import dev.gastown.tmux.Tmux;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The town's own tmux server. Its socket name is derived from the town's canonical path (so two towns never share
 * sessions, and no town uses the user's default server) and written to {@code .gt/tmux-socket}, where cron jobs,
 * scripts and people find it: {@code tmux -L "$(cat ~/gt/.gt/tmux-socket)" ls}.
 */
public final class TownTmux {
    private TownTmux() {
    }

    public static String socketName(Town town) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(town.root().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "gt-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path socketFile(Town town) {
        return town.runtimeDir().resolve("tmux-socket");
    }

    /** The town's tmux, recording the socket name in the town if it is not there yet. */
    public static Tmux of(Town town) {
        String name = socketName(town);
        Path file = socketFile(town);
        try {
            if (!Files.exists(file) || !Files.readString(file).strip().equals(name)) {
                Files.createDirectories(file.getParent());
                Fsync.writeAtomically(file, name + "\n");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        return new Tmux(name, null);
    }

    public static Sessions sessions(Town town) {
        return new Sessions(of(town));
    }
}
