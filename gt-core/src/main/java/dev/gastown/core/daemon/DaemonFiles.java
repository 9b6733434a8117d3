package dev.gastown.core.daemon;

import dev.gastown.core.town.Town;
import java.nio.file.Path;

/** Where the daemon keeps its files, under {@code <town>/daemon/}. */
public record DaemonFiles(Path dir) {

    public static DaemonFiles of(Town town) {
        return new DaemonFiles(town.daemonDir());
    }

    /** Held (locked) by the running daemon for its whole life: the one-instance guarantee. */
    public Path lock() {
        return dir.resolve("daemon.lock");
    }

    /** Held during one heartbeat, by the daemon or by {@code gt daemon tick}, so two never overlap. */
    public Path heartbeatLock() {
        return dir.resolve("heartbeat.lock");
    }

    public Path pid() {
        return dir.resolve("daemon.pid");
    }

    public Path state() {
        return dir.resolve("state.json");
    }

    public Path log() {
        return dir.resolve("daemon.log");
    }

    /**
     * The detached daemon's own standard output and error: nothing in normal operation, a JVM's last words
     * otherwise. Kept apart from {@link #log()}, which the daemon writes (and rotates) itself.
     */
    public Path out() {
        return dir.resolve("daemon.out");
    }

    /** Held while a line is written to the log or the log is rotated. */
    public Path logLock() {
        return dir.resolve("log.lock");
    }

    public Path restarts() {
        return dir.resolve("restart_state.json");
    }

    /** Present while the town is being shut down: nothing is restarted. */
    public Path shuttingDown() {
        return dir.resolve("shutting-down");
    }
}
