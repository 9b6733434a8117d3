package dev.gastown.beads.config;

import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the store a command works on: {@code BEADS_DIR} when set, else the nearest {@code .beads} directory at or
 * above the working directory. A {@code .beads/redirect} file (git worktrees of one rig share a store) names another
 * {@code .beads} relative to the directory that holds the redirecting {@code .beads}; chains are not followed and a
 * redirect to itself is ignored.
 */
public final class BeadsLocator {
    public static final String BEADS_DIR_ENV = "BEADS_DIR";

    private BeadsLocator() {
    }

    public static BeadsDir locate(Map<String, String> env, Path cwd) {
        String explicit = env.get(BEADS_DIR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = cwd.resolve(explicit).normalize();
            if (!Files.isDirectory(dir)) {
                throw new StoreException(BEADS_DIR_ENV + " points at " + dir + ", which is not a directory");
            }
            return new BeadsDir(followRedirect(dir));
        }
        for (Path p = cwd.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(BeadsDir.DIR_NAME);
            if (Files.isDirectory(candidate)) {
                return new BeadsDir(followRedirect(candidate));
            }
        }
        throw new StoreException("no beads store found in " + cwd.toAbsolutePath()
                + " or any parent directory (run bd init, or set " + BEADS_DIR_ENV + ")");
    }

    /** The directory {@code beadsDir}'s redirect file points at, or {@code beadsDir} itself. */
    public static Path followRedirect(Path beadsDir) {
        Path redirect = beadsDir.resolve("redirect");
        String text;
        try {
            text = Files.readString(redirect);
        } catch (NoSuchFileException e) {
            return beadsDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + redirect, e);
        }
        for (String line : text.split("\n")) {
            String target = line.trim();
            if (target.isEmpty() || target.startsWith("#")) {
                continue;
            }
            Path resolved = beadsDir.getParent().resolve(target).normalize();
            if (resolved.equals(beadsDir.normalize())) {
                return beadsDir;
            }
            if (!Files.isDirectory(resolved)) {
                throw new StoreException(redirect + " points at " + resolved + ", which does not exist");
            }
            return resolved;
        }
        return beadsDir;
    }
}
