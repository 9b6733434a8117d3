package dev.gastown.tmux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Messages waiting for a busy agent's next turn: one file per message in a directory per session, named so that
 * names sort in arrival order. A reader claims each message by renaming it, so two drainers never both deliver
 * one; messages older than the time-to-live are dropped unread. A claim is stamped with its time, and one left
 * behind for longer than {@link #CLAIM_TIMEOUT} (its reader was killed before it finished) goes back into the queue:
 * a message is never lost to a crash, at the price of a rare second delivery.
 */
public final class NudgeQueue {
    public static final int MAX_DEPTH = 200;
    public static final Duration TTL = Duration.ofHours(2);
    public static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    private static final String CLAIM = ".claimed-";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Path dir;

    public NudgeQueue(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Adds a message; returns its file. Fails when the queue is full. */
    public Path add(String text) {
        List<Path> pending = pending();
        if (pending.size() >= MAX_DEPTH) {
            throw new TmuxException(TmuxException.Kind.FAILED, "nudge queue " + dir + " is full (" + MAX_DEPTH
                    + " messages); the agent is not draining it");
        }
        Instant now = Instant.now();
        String name = String.format("%012d%09d-%010d-%06d", now.getEpochSecond(), now.getNano(),
                ProcessHandle.current().pid(), SEQUENCE.incrementAndGet() % 1_000_000);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(name + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Path file = dir.resolve(name + ".nudge");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue a nudge in " + dir, e);
        }
    }

    public boolean isEmpty() {
        return pending().isEmpty();
    }

    /** A message taken out of the queue: {@link #done()} removes it, {@link #release()} puts it back in place. */
    public record Claimed(String text, Path original, Path claimed) {
        public void done() {
            try {
                Files.deleteIfExists(claimed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + claimed, e);
            }
        }

        public void release() {
            try {
                Files.move(claimed, original, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot return " + claimed + " to the queue", e);
            }
        }
    }

    /** Claims the oldest waiting message that has not expired (expired ones are dropped on the way). */
    public java.util.Optional<Claimed> claimOldest() {
        for (Path p : pending()) {
            Path claimed = p.resolveSibling(p.getFileName() + CLAIM
                    + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
            Instant queued;
            try {
                queued = Files.getLastModifiedTime(p).toInstant();
                Files.move(p, claimed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | AtomicMoveNotSupportedException e) {
                continue; // another drainer took it
            } catch (IOException e) {
                throw new UncheckedIOException("cannot claim " + p, e);
            }
            try {
                if (queued.isBefore(Instant.now().minus(TTL))) {
                    Files.delete(claimed);
                    continue;
                }
                Files.setLastModifiedTime(claimed, FileTime.from(Instant.now()));
                return java.util.Optional.of(new Claimed(Files.readString(claimed, StandardCharsets.UTF_8), p,
                        claimed));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + claimed, e);
            }
        }
        return java.util.Optional.empty();
    }

    /** Claims and removes every waiting message, oldest first. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        for (var c = claimOldest(); c.isPresent(); c = claimOldest()) {
            out.add(c.get().text());
            c.get().done();
        }
        return out;
    }

    private List<Path> pending() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        releaseAbandonedClaims();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".nudge")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A claim older than the timeout was left by a reader that died: the message goes back where it was. */
    private void releaseAbandonedClaims() {
        Instant cutoff = Instant.now().minus(CLAIM_TIMEOUT);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path claimed : s.filter(p -> p.getFileName().toString().contains(CLAIM)).toList()) {
                try {
                    if (Files.getLastModifiedTime(claimed).toInstant().isBefore(cutoff)) {
                        Files.move(claimed, original(claimed), StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (NoSuchFileException e) {
                    // finished or released by its reader meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release abandoned claims in " + dir, e);
        }
    }

    private static Path original(Path claimed) {
        String name = claimed.getFileName().toString();
        return claimed.resolveSibling(name.substring(0, name.indexOf(CLAIM)));
    }
}
