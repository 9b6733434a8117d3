package dev.gastown.core.maintenance;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.daemon.Daemon;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import dev.gastown.tmux.Pause;
import dev.gastown.tmux.ProcessTrees;
import dev.gastown.tmux.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gt dog reap-orphans}: stops agent processes of this town that no tmux pane owns any more (an agent CLI that
 * outlived its session, a tool it started that was never stopped). An agent process is one whose environment says
 * {@code GT_ROOT} is this town and names a {@code GT_SESSION}: every agent starts with both, and what it starts
 * inherits them. Such a process is an orphan when it is not in the process tree of any pane of the town's tmux
 * server, is not the server, the daemon's tree or the caller's own tree, and is older than a minimum age (a process
 * being started may not be in its pane yet). Each orphan tree is stopped with {@link ProcessTrees} and checked gone.
 *
 * <p>Environments are read from {@code /proc/PID/environ}, so this works on Linux only (and sees only processes the
 * caller may read, normally its own user's); elsewhere it reports that it cannot look and does nothing.
 */
public final class OrphanReaper {
    private static final Path PROC = Path.of("/proc");
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final Duration DEATH_WAIT = Duration.ofSeconds(3);
    private static final String SESSION_VAR = "GT_SESSION";

    private final Ledger ledger;
    private final Town town;
    private final Sessions sessions;

    public OrphanReaper(Ledger ledger, Sessions sessions) {
        this.ledger = ledger;
        this.town = ledger.town();
        this.sessions = sessions;
    }

    /** What happened to one orphan tree. */
    public enum Verdict {
        REAPED, WOULD_REAP, SURVIVED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An orphan tree: its top process, the session it came from, its command, every pid in it, the outcome. */
    public record Orphan(long pid, String session, String command, List<Long> tree, Verdict verdict,
            List<Long> survivors) {
        public JsonObject toJson() {
            JsonArray t = new JsonArray();
            tree.forEach(p -> t.add(JsonNumber.of(p)));
            JsonArray s = new JsonArray();
            survivors.forEach(p -> s.add(JsonNumber.of(p)));
            return new JsonObject().put("pid", pid).put("session", session).put("command", command).put("tree", t)
                    .put("verdict", verdict.key()).put("survivors", s);
        }
    }

    /** The outcome of a run. */
    public sealed interface Report {
        JsonObject toJson();
    }

    /** Nothing was looked at: this system has no readable {@code /proc}. */
    public record Unsupported(String why) implements Report {
        @Override
        public JsonObject toJson() {
            return new JsonObject().put("supported", false).put("why", why);
        }
    }

    /**
     * A scan: how many agent processes of this town were seen, how many processes could not be read, and the
     * orphan trees found.
     */
    public record Swept(boolean dryRun, int agentProcesses, int unreadable, List<Orphan> orphans) implements Report {
        @Override
        public JsonObject toJson() {
            JsonArray a = new JsonArray();
            orphans.forEach(o -> a.add(o.toJson()));
            return new JsonObject().put("supported", true).put("dry_run", dryRun)
                    .put("agent_processes", agentProcesses).put("unreadable", unreadable).put("orphans", a);
        }
    }

    public Report reap(boolean dryRun, Duration minAge, Instant now) {
        if (!Files.isReadable(PROC.resolve("self").resolve("environ"))) {
            return new Unsupported("no readable /proc/PID/environ on this system (Linux only); nothing was done");
        }
        Set<Long> spared = spared();
        Map<Long, String> agents = new LinkedHashMap<>();
        int unreadable = 0;
        for (long pid : pids()) {
            Optional<Map<String, String>> env = environ(pid);
            if (env.isEmpty()) {
                unreadable++;
                continue;
            }
            String session = env.get().getOrDefault(SESSION_VAR, "");
            String root = env.get().getOrDefault(TownLocator.GT_ROOT, "");
            if (!session.isEmpty() && !root.isEmpty() && ofThisTown(root)) {
                agents.put(pid, session);
            }
        }
        Set<Long> orphans = new HashSet<>();
        for (long pid : agents.keySet()) {
            if (!spared.contains(pid) && olderThan(pid, minAge, now)) {
                orphans.add(pid);
            }
        }
        List<Long> tops = agents.keySet().stream().filter(pid -> orphans.contains(pid) && ProcessHandle.of(pid)
                .flatMap(ProcessHandle::parent).map(p -> !orphans.contains(p.pid())).orElse(true)).toList();
        List<Orphan> found = new ArrayList<>();
        for (long pid : tops) {
            found.add(stop(pid, agents.get(pid), spared, dryRun));
        }
        if (!dryRun && !found.isEmpty()) {
            JsonArray a = new JsonArray();
            found.forEach(o -> a.add(o.toJson()));
            new EventLog(town).append("orphans_reaped", ledger.actor(), new JsonObject().put("orphans", a));
        }
        return new Swept(dryRun, agents.size(), unreadable, found);
    }

    private Orphan stop(long pid, String session, Set<Long> spared, boolean dryRun) {
        List<Long> tree = new ArrayList<>();
        tree.add(pid);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().map(ProcessHandle::pid).filter(d -> !spared.contains(d))
                .forEach(tree::add));
        String command = command(pid);
        if (dryRun) {
            return new Orphan(pid, session, command, tree, Verdict.WOULD_REAP, List.of());
        }
        ProcessTrees.stop(pid, GRACE);
        List<Long> survivors = waitGone(tree);
        return new Orphan(pid, session, command, tree, survivors.isEmpty() ? Verdict.REAPED : Verdict.SURVIVED,
                survivors);
    }

    /** Processes never to touch: the caller's own tree, the town's tmux server and every pane's tree, the daemon. */
    private Set<Long> spared() {
        Set<Long> out = new HashSet<>();
        addTreeAndAncestors(ProcessHandle.current(), out);
        sessions.processes().ifPresent(s -> {
            out.add(s.serverPid());
            for (long pane : s.panePids()) {
                ProcessHandle.of(pane).ifPresent(p -> {
                    out.add(p.pid());
                    p.descendants().forEach(d -> out.add(d.pid()));
                });
            }
        });
        Daemon.Status daemon = Daemon.status(town);
        if (daemon.running() && daemon.pid() > 0) {
            ProcessHandle.of(daemon.pid()).ifPresent(p -> addTreeAndAncestors(p, out));
        }
        return out;
    }

    private static void addTreeAndAncestors(ProcessHandle p, Set<Long> out) {
        p.descendants().forEach(d -> out.add(d.pid()));
        for (Optional<ProcessHandle> a = Optional.of(p); a.isPresent(); a = a.get().parent()) {
            out.add(a.get().pid());
        }
    }

    private boolean ofThisTown(String root) {
        try {
            return Path.of(root).toAbsolutePath().normalize().equals(town.root());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean olderThan(long pid, Duration minAge, Instant now) {
        if (minAge.isZero()) {
            return true;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(start -> !start.isAfter(now.minus(minAge))).orElse(false);
    }

    /** Waits until every pid is gone (exited, or a zombie waiting for its parent); returns those that are not. */
    private static List<Long> waitGone(List<Long> pids) {
        long deadline = System.nanoTime() + DEATH_WAIT.toNanos();
        List<Long> alive = living(pids);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(50);
            alive = living(alive);
        }
        return alive;
    }

    private static List<Long> living(List<Long> pids) {
        return pids.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)
                && !zombie(p)).toList();
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> pids() {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            dirs.forEach(d -> out.add(Long.parseLong(d.getFileName().toString())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + PROC, e);
        }
        return out;
    }

    /** The process's initial environment, or empty when it cannot be read (gone, or another user's). */
    private static Optional<Map<String, String>> environ(long pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return Optional.of(env);
    }

    private static String command(long pid) {
        try {
            String cmd = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return cmd.length() > 160 ? cmd.substring(0, 160) + "…" : cmd;
        } catch (IOException e) {
            return "";
        }
    }
}
