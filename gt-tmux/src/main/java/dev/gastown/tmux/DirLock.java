package dev.gastown.tmux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, across threads and processes, with a deadline: the way concurrent {@code gt nudge}
 * calls take turns at one session. The kernel drops it if the holder dies.
 */
final class DirLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

    private final ReentrantLock thread;
    private final FileChannel channel;
    private final FileLock lock;

    private DirLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
        this.thread = thread;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when {@code timeout} passed first. */
    static Optional<DirLock> acquire(Path file, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock thread = THREADS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
        try {
            if (!thread.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l != null) {
                    return Optional.of(new DirLock(thread, ch, l));
                }
                if (System.nanoTime() > deadline) {
                    ch.close();
                    thread.unlock();
                    return Optional.empty();
                }
                Pause.millis(20);
            }
        } catch (IOException e) {
            thread.unlock();
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.unlock();
        }
    }
}
