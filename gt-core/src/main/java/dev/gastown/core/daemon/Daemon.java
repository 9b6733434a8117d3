package dev.gastown.core.daemon;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLock;
import dev.gastown.tmux.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The town's one long-lived process. It holds {@code daemon/daemon.lock} for its whole life (so a second daemon
 * cannot start, and the kernel frees the lock if it is killed), writes its pid and state, and runs a heartbeat every
 * interval. A heartbeat can also be run without a resident daemon ({@link #tick}, for cron), never at the same time
 * as another.
 */
public final class Daemon {
    private static FileChannel held;

    private Daemon() {
    }

    /** Whether a daemon runs for this town, and what its state file says. */
    public record Status(boolean running, long pid, JsonObject state) {
        public JsonObject toJson() {
            return new JsonObject().put("running", running).put("pid", pid)
                    .put("started_at", state.string("started_at")).put("last_heartbeat", state.string("last_heartbeat"))
                    .put("heartbeat_count", state.find("heartbeat_count").map(JsonValue::asLong).orElse(0L));
        }
    }

    public static Status status(Town town) {
        DaemonFiles files = DaemonFiles.of(town);
        boolean running = lockIsHeld(files.lock());
        long pid = 0;
        try {
            pid = Files.exists(files.pid()) ? Long.parseLong(Files.readString(files.pid()).strip().split("\\s+")[0])
                    : 0;
        } catch (IOException | NumberFormatException e) {
            pid = 0;
        }
        return new Status(running, running ? pid : 0, DaemonState.read(files));
    }

    /** One heartbeat, waiting for any heartbeat in progress to finish first. */
    public static List<Heartbeat.Action> tick(AgentSessions sessions) {
        Town town = sessions.ledger().town();
        DaemonFiles files = DaemonFiles.of(town);
        try (StoreLock.Held lock = TownLock.at(files.heartbeatLock())) {
            List<Heartbeat.Action> actions = new Heartbeat(sessions, Thresholds.read(town)).run(Instant.now());
            DaemonLog.append(files, actions.isEmpty() ? List.of("heartbeat: all as it should be")
                    : actions.stream().map(a -> "heartbeat: " + a).toList());
            return actions;
        }
    }

    /**
     * Runs the daemon in this process until it is killed or stopped: takes the lock (or fails if another daemon has
     * it), then heartbeats forever. {@code sessions} builds fresh sessions (and a fresh ledger) per heartbeat.
     */
    public static void run(Town town, Supplier<AgentSessions> sessions) {
        DaemonFiles files = DaemonFiles.of(town);
        if (!acquire(files.lock())) {
            throw new GtException("a daemon already runs for " + town.root() + " (pid " + status(town).pid() + ")");
        }
        long pid = ProcessHandle.current().pid();
        writePid(files, pid);
        DaemonState.started(files, pid, Instant.now());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DaemonState.stopped(files);
            DaemonLog.append(files, List.of("daemon: stopping (pid " + pid + ")"));
        }));
        DaemonLog.append(files, List.of("daemon: started (pid " + pid + ")"));
        new EventLog(town).append("daemon_start", "daemon", new JsonObject().put("pid", pid));
        while (true) {
            try {
                tick(sessions.get());
            } catch (RuntimeException e) {
                try {
                    DaemonLog.append(files, List.of("heartbeat failed: " + e));
                } catch (RuntimeException logFailed) {
                    // a full disk must not end the daemon; its standard error is daemon.out
                    System.err.println(Instant.now() + " heartbeat failed: " + e + "; and the log could not be"
                            + " written: " + logFailed.getMessage());
                }
            }
            Pause.millis(Thresholds.read(town).heartbeat().toMillis());
        }
    }

    private static boolean acquire(Path lock) {
        try {
            Files.createDirectories(lock.getParent());
            FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return false;
            }
            held = ch; // kept open for the life of the process: closing it would drop the lock
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lock, e);
        }
    }

    private static boolean lockIsHeld(Path lock) {
        if (!Files.exists(lock)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writePid(DaemonFiles files, long pid) {
        try {
            Path tmp = files.pid().resolveSibling("daemon.pid.tmp");
            Files.writeString(tmp, pid + "\n");
            Files.move(tmp, files.pid(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + files.pid(), e);
        }
    }
}
