package dev.gastown.tmux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Agent sessions on one tmux server. An agent is the first process of its pane (started with {@code exec}, never
 * typed into a shell), {@code remain-on-exit} keeps a crashed agent's pane visible, and the pane id is recorded in
 * the session environment ({@code GT_PANE_ID}) so every later command targets the agent's own pane.
 */
public final class Sessions {
    public static final String PANE_ID_VAR = "GT_PANE_ID";

    private final Tmux tmux;

    public Sessions(Tmux tmux) {
        this.tmux = tmux;
    }

    public Tmux tmux() {
        return tmux;
    }

    /**
     * Creates the session and starts the agent in it. Fails with {@link TmuxException.Kind#SESSION_EXISTS} when the
     * session is already there (create first, so two starters cannot both win), and with
     * {@link TmuxException.Kind#AGENT_DIED} when the agent exits at once, its last output in the message.
     */
    public Pane start(SessionSpec spec) {
        tmux.run("new-session", "-d", "-s", spec.name(), "-c", spec.workdir().toString(), "-x", "200", "-y", "50",
                "sleep 86400");
        try {
            tmux.run("set-option", "-w", "-t", "=" + spec.name() + ":", "remain-on-exit", "on");
            Pane placeholder = pane(spec.name()).orElseThrow(() -> new TmuxException(
                    TmuxException.Kind.SESSION_NOT_FOUND, "session " + spec.name() + " vanished while starting"));
            tmux.run("respawn-pane", "-k", "-t", placeholder.id(), "-c", spec.workdir().toString(),
                    spec.shellLine());
            Pane started = checkAlive(spec.name(), placeholder.id());
            tmux.run("set-environment", "-t", "=" + spec.name(), PANE_ID_VAR, started.id());
            for (var e : spec.env().entrySet()) {
                tmux.run("set-environment", "-t", "=" + spec.name(), e.getKey(), e.getValue());
            }
            return started;
        } catch (RuntimeException e) {
            tmux.tryRun("kill-session", "-t", "=" + spec.name());
            throw e;
        }
    }

    /** Restarts the agent in its own pane (the session, its name and its other panes stay). */
    public Pane respawn(String session, SessionSpec spec) {
        Pane p = pane(session).orElseThrow(() -> new TmuxException(TmuxException.Kind.SESSION_NOT_FOUND,
                "no session " + session));
        tmux.run("set-option", "-w", "-t", p.id(), "remain-on-exit", "on");
        tmux.tryRun("clear-history", "-t", p.id());
        tmux.run("respawn-pane", "-k", "-t", p.id(), "-c", spec.workdir().toString(), spec.shellLine());
        return checkAlive(session, p.id());
    }

    private Pane checkAlive(String session, String paneId) {
        for (long wait : new long[] {50, 200, 250}) {
            Pause.millis(wait);
            Pane now = paneById(paneId).orElseThrow(() -> new TmuxException(TmuxException.Kind.AGENT_DIED,
                    "the agent of " + session + " exited at once and its pane is gone"));
            if (now.dead()) {
                Pane dead = withStatus(now);
                String last = lastOutput(paneId, 20);
                throw new TmuxException(TmuxException.Kind.AGENT_DIED, "the agent of " + session
                        + " exited at once with status " + dead.deadStatusText()
                        + (last.isEmpty() ? "" : "; its last output:\n" + last));
            }
        }
        return paneById(paneId).orElseThrow();
    }

    /**
     * A dead pane, once tmux has collected its exit status (waiting briefly: tmux 3.3 now and then never records the
     * status of a process that exits within moments of its start, and then it stays unknown).
     */
    private Pane withStatus(Pane dead) {
        Pane p = dead;
        for (int look = 0; p.deadStatus() < 0 && look < 10; look++) {
            Pause.millis(50);
            p = paneById(dead.id()).orElse(p);
        }
        return p;
    }

    /** The pane's last non-blank lines: a fresh pane's output is at the top of its screen, tmux's note at the bottom. */
    private String lastOutput(String paneId, int lines) {
        List<String> shown = capture(paneId, 200).lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", shown.subList(Math.max(0, shown.size() - lines), shown.size())).strip();
    }

    public boolean exists(String session) {
        Tmux.Result r = tmux.tryRun("has-session", "-t", "=" + session);
        return r.exit() == 0;
    }

    /** Every session on this server (empty when the server is not running). */
    public List<String> list() {
        Tmux.Result r = tmux.tryRun("list-sessions", "-F", "#{session_name}");
        if (r.exit() != 0) {
            return List.of();
        }
        return r.stdout().isBlank() ? List.of() : List.of(r.stdout().strip().split("\n"));
    }

    /** The server's process and the first process of each of its panes. */
    public record ServerProcesses(long serverPid, List<Long> panePids) {
        public ServerProcesses {
            panePids = List.copyOf(panePids);
        }
    }

    /**
     * The processes this server runs, over all its sessions and panes; empty when no server runs. Any other failure
     * is thrown, so a caller never mistakes "tmux did not answer" for "no panes".
     */
    public Optional<ServerProcesses> processes() {
        Tmux.Result r = tmux.tryRun("list-panes", "-a", "-F", "#{pid}\t#{pane_pid}");
        if (r.exit() != 0) {
            TmuxException.Kind k = TmuxException.classify(r.stderr());
            if (k == TmuxException.Kind.NO_SERVER) {
                return Optional.empty();
            }
            throw new TmuxException(k, "tmux list-panes: " + r.stderr().strip());
        }
        long server = 0;
        List<Long> panes = new ArrayList<>();
        for (String line : r.stdout().strip().split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                server = Long.parseLong(f[0].strip());
                panes.add(Long.parseLong(f[1].strip()));
            }
        }
        return Optional.of(new ServerProcesses(server, panes));
    }

    /** The agent's pane: the one recorded at start, else the session's first pane. */
    public Optional<Pane> pane(String session) {
        Optional<String> recorded = env(session, PANE_ID_VAR);
        if (recorded.isPresent()) {
            Optional<Pane> p = paneById(recorded.get());
            if (p.isPresent()) {
                return p;
            }
        }
        Tmux.Result r = tmux.tryRun("list-panes", "-s", "-t", "=" + session + ":", "-F", Pane.FORMAT);
        if (r.exit() != 0 || r.stdout().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Pane.parse(r.stdout().strip().split("\n")[0]));
    }

    public Optional<Pane> paneById(String paneId) {
        Tmux.Result r = tmux.tryRun("display-message", "-p", "-t", paneId, Pane.FORMAT);
        if (r.exit() != 0 || r.stdout().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Pane.parse(r.stdout().strip()));
    }

    /**
     * Stops the agent's whole process tree (TERM deepest first, a grace period, KILL), then the session. A session
     * that is not there counts as stopped.
     */
    public boolean kill(String session, Duration grace) {
        Optional<Pane> p = pane(session);
        if (p.isEmpty() && !exists(session)) {
            return false;
        }
        p.filter(x -> !x.dead() && x.pid() > 0).ifPresent(x -> ProcessTrees.stop(x.pid(), grace));
        Tmux.Result r = tmux.tryRun("kill-session", "-t", "=" + session);
        if (r.exit() != 0) {
            TmuxException.Kind k = TmuxException.classify(r.stderr());
            if (k != TmuxException.Kind.SESSION_NOT_FOUND && k != TmuxException.Kind.NO_SERVER) {
                throw new TmuxException(k, "tmux kill-session: " + r.stderr().strip());
            }
        }
        return true;
    }

    /** When the pane's window last showed new output (tmux's window_activity, in whole seconds). */
    public java.time.Instant activity(String paneId) {
        Tmux.Result r = tmux.tryRun("display-message", "-p", "-t", paneId, "#{window_activity}");
        try {
            return java.time.Instant.ofEpochSecond(Long.parseLong(r.stdout().strip()));
        } catch (NumberFormatException e) {
            return java.time.Instant.EPOCH;
        }
    }

    /** How long the pane's window has shown no new output, at least (tmux keeps the time in whole seconds). */
    public Duration quiet(String paneId) {
        Duration d = Duration.between(activity(paneId).plusSeconds(1), java.time.Instant.now());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * The last {@code lines} lines of a pane (or session) that has printed anything, wrapped lines joined into one:
     * blank lines below the last output (an empty screen's bottom) are not counted.
     */
    public String capture(String target, int lines) {
        String t = target.startsWith("%") ? target : "=" + target + ":";
        // -S -N is the visible screen plus N rows of scrollback: at least N rows, but joined wrapped rows may be fewer
        // lines than that, and then the whole scrollback is read
        List<String> last = lastLines(tmux.output("capture-pane", "-p", "-J", "-t", t, "-S", "-" + lines), lines);
        if (last.size() < lines) {
            last = lastLines(tmux.output("capture-pane", "-p", "-J", "-t", t, "-S", "-"), lines);
        }
        return String.join("\n", last);
    }

    private static List<String> lastLines(String capture, int lines) {
        List<String> all = List.of(capture.split("\n", -1));
        int end = all.size();
        while (end > 0 && all.get(end - 1).isBlank()) {
            end--;
        }
        return all.subList(Math.max(0, end - lines), end);
    }

    public void setEnv(String session, String name, String value) {
        tmux.run("set-environment", "-t", "=" + session, name, value);
    }

    public Optional<String> env(String session, String name) {
        Tmux.Result r = tmux.tryRun("show-environment", "-t", "=" + session, name);
        if (r.exit() != 0) {
            return Optional.empty();
        }
        String line = r.stdout().strip();
        int eq = line.indexOf('=');
        return eq < 0 ? Optional.empty() : Optional.of(line.substring(eq + 1));
    }

    /** Pastes text into a pane as one paste (bracketed when the program asked for it), without submitting it. */
    public void paste(String paneId, String text) {
        String buffer = "gt-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Tmux.Result load = tmux.tryRunWithInput(text.getBytes(StandardCharsets.UTF_8), "load-buffer", "-b", buffer,
                "-");
        if (load.exit() != 0) {
            throw new TmuxException(TmuxException.classify(load.stderr()), "tmux load-buffer: "
                    + load.stderr().strip());
        }
        tmux.run("paste-buffer", "-p", "-d", "-b", buffer, "-t", paneId);
    }

    /** Sends named keys ({@code Enter}, {@code C-u}, {@code Escape}...) to a pane. */
    public void keys(String paneId, String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", paneId));
        args.addAll(List.of(keys));
        tmux.run(args.toArray(String[]::new));
    }

    /** Sends text literally (no key names interpreted). */
    public void literal(String paneId, String text) {
        tmux.run("send-keys", "-t", paneId, "-l", text);
    }
}
