package dev.gastown.beads.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Durable file replacement: write a temp file beside the target, fsync it, rename it over, fsync the directory. */
public final class Fsync {
    private Fsync() {
    }

    public static void directory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some filesystems refuse to open or sync directories; the rename itself is still atomic there.
        }
    }

    /** A temp file in the target's directory, named so that {@code .gitignore}'s {@code *.tmp} covers it. */
    public static Path tempFor(Path target) {
        return target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
    }

    /** Atomically and durably replaces {@code target} with {@code temp}, which the caller has written and fsync'd. */
    public static void commit(Path temp, Path target) {
        rename(temp, target);
        directory(target.getParent());
    }

    /**
     * Atomically replaces {@code target} with {@code temp}; durable once the directory is synced ({@link #directory}),
     * so that several renames can share one directory sync.
     */
    public static void rename(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot replace " + target, e);
        }
    }

    /** Writes {@code text} to {@code target} atomically and durably. */
    public static void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path target, byte[] bytes) {
        Path temp = tempFor(target);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        }
        commit(temp, target);
    }

    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover *.tmp is ignored by git and overwritten by nothing
        }
    }
}
