package dev.gastown.beads.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Readers-writer lock over one store, across threads and processes. Within the JVM a {@link ReentrantReadWriteLock}
 * orders threads; across processes a POSIX record lock on the lock file does. There is exactly one instance, and one
 * open channel, per lock file per JVM: POSIX drops every lock a process holds on a file when any descriptor of that
 * file is closed, so the channel stays open for the life of the JVM. The kernel releases the lock when a process
 * dies, {@code kill -9} included.
 */
public final class StoreLock {
    private static final ConcurrentHashMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private final ReentrantReadWriteLock threads = new ReentrantReadWriteLock(true);
    private final FileChannel channel;
    private FileLock sharedLock;
    private int sharedHolders;

    private StoreLock(Path file) {
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open lock file " + file, e);
        }
    }

    public static StoreLock of(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return LOCKS.computeIfAbsent(key, StoreLock::new);
    }

    /** A held lock; closing it releases. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held shared() {
        if (threads.isWriteLockedByCurrentThread()) {
            return () -> { }; // already exclusive; a shared POSIX lock here would downgrade it
        }
        threads.readLock().lock();
        try {
            synchronized (this) {
                if (sharedHolders == 0) {
                    sharedLock = channel.lock(0, Long.MAX_VALUE, true);
                }
                sharedHolders++;
            }
        } catch (IOException | RuntimeException e) {
            threads.readLock().unlock();
            throw failure(e);
        }
        return this::releaseShared;
    }

    public Held exclusive() {
        if (threads.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot upgrade a shared store lock to exclusive");
        }
        threads.writeLock().lock();
        if (threads.getWriteHoldCount() > 1) {
            return () -> threads.writeLock().unlock();
        }
        FileLock lock;
        try {
            lock = channel.lock(0, Long.MAX_VALUE, false);
        } catch (IOException | RuntimeException e) {
            threads.writeLock().unlock();
            throw failure(e);
        }
        return () -> {
            try {
                lock.release();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                threads.writeLock().unlock();
            }
        };
    }

    /** True when the current thread holds the exclusive lock. */
    public boolean heldExclusivelyByCurrentThread() {
        return threads.isWriteLockedByCurrentThread();
    }

    private void releaseShared() {
        try {
            synchronized (this) {
                if (--sharedHolders == 0) {
                    sharedLock.release();
                    sharedLock = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threads.readLock().unlock();
        }
    }

    private static RuntimeException failure(Exception e) {
        return e instanceof IOException io ? new UncheckedIOException("cannot lock the store", io)
                : (RuntimeException) e;
    }
}
