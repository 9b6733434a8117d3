package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.AgentPreset;
import dev.gastown.tmux.NudgeOutcome;
import dev.gastown.tmux.NudgeQueue;
import dev.gastown.tmux.Nudger;
import dev.gastown.tmux.Pane;
import dev.gastown.tmux.Pause;
import dev.gastown.tmux.Screen;
import dev.gastown.tmux.SessionSpec;
import dev.gastown.tmux.Sessions;
import dev.gastown.tmux.Tmux;
import dev.gastown.tmux.TmuxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agent sessions in the town's tmux: one launch path for every role, used by the role commands, sling, handoff and
 * the daemon alike. The agent starts as its pane's first process with its identity in the environment and its
 * beacon and first instructions as the initial prompt; start-up dialogs are answered; an agent that dies at once is
 * reported, not counted as started.
 */
public final class AgentSessions {
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final List<String> IDENTITY_VARS = List.of(Identities.GT_ROLE, Identities.GT_RIG,
            Identities.GT_POLECAT, Identities.GT_CREW, Identities.GT_DOG, "BD_ACTOR", "BEADS_DIR", "TMUX",
            "TMUX_PANE", "CLAUDE_SESSION_ID", "GT_SESSION_ID");

    /** What the calling process contributes to every session: where gt and bd live, and its PATH. */
    public record Launch(Path scriptsDir, String path) {
    }

    private final Town town;
    private final Ledger ledger;
    private final Launch launch;
    private final Sessions sessions;
    private final Presets presets;

    public AgentSessions(Ledger ledger, Launch launch) {
        this.town = ledger.town();
        this.ledger = ledger;
        this.launch = launch;
        this.sessions = TownTmux.sessions(town);
        this.presets = Presets.load(town, launch.path());
    }

    public Ledger ledger() {
        return ledger;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Presets presets() {
        return presets;
    }

    /** The PATH every agent starts with: the directory of the gt and bd launchers first, then the caller's. */
    public String agentPath() {
        return launch.scriptsDir() == null ? launch.path() : launch.scriptsDir() + ":" + launch.path();
    }

    public AgentPreset presetFor(Address a) {
        return presets.forAgent(town, a);
    }

    /** Whether {@code a}'s agent process is running (its session exists and its pane is alive). */
    public Optional<Pane> running(Address a) {
        return sessions.pane(SessionNames.of(a)).filter(p -> !p.dead());
    }

    /**
     * Starts {@code a}'s session, or leaves a running one alone; a session whose agent has died is restarted in its
     * own pane. {@code topic} goes into the beacon ({@code assigned:ga-123}, {@code patrol}, {@code handoff}...).
     */
    public Pane ensure(Address a, Address from, String topic) {
        Optional<Pane> pane = sessions.pane(SessionNames.of(a));
        if (pane.isPresent() && !pane.get().dead()) {
            return pane.get();
        }
        return pane.isPresent() ? respawn(a, from, topic) : start(a, from, topic);
    }

    public Pane start(Address a, Address from, String topic) {
        SessionSpec spec = spec(a, from, topic);
        Pane p;
        try {
            p = sessions.start(spec);
        } catch (TmuxException e) {
            if (e.kind() == TmuxException.Kind.SESSION_EXISTS) {
                return running(a).orElseThrow(() -> new GtException(spec.name() + " exists but its agent is not"
                        + " running; gt restart it"));
            }
            throw new GtException("cannot start " + a + ": " + e.getMessage(), e);
        }
        KeyBindings.install(sessions.tmux(), town, launch.scriptsDir());
        afterStart(a, spec, p, "agent_started", Beacon.prompt(a, from, topic, Instant.now()));
        return p;
    }

    /** Restarts the agent in its own pane: same session, same name; other panes are left alone. */
    public Pane respawn(Address a, Address from, String topic) {
        SessionSpec spec = spec(a, from, topic);
        Pane p;
        try {
            p = sessions.respawn(spec.name(), spec);
        } catch (TmuxException e) {
            throw new GtException("cannot restart " + a + ": " + e.getMessage(), e);
        }
        afterStart(a, spec, p, "agent_restarted", Beacon.prompt(a, from, topic, Instant.now()));
        return p;
    }

    /** Stops the agent's process tree and its session; false when it was not running. */
    public boolean stop(Address a, String reason) {
        boolean was = sessions.kill(SessionNames.of(a), STOP_GRACE);
        if (was) {
            new Agents(ledger).setState(a, AgentState.STOPPED);
            new EventLog(town).append("kill", ledger.actor(), new JsonObject().put("target", a.toString())
                    .put("session", SessionNames.of(a)).put("reason", reason));
        }
        return was;
    }

    /** When the agent's screen last changed. */
    public Instant activity(Pane pane) {
        return sessions.activity(pane.id());
    }

    /** Where the town keeps the nudge queues and the per-session nudge locks. */
    public static Path nudgeQueues(Town town) {
        return town.runtimeDir().resolve("nudges");
    }

    /** The messages waiting for {@code a}'s next turn. */
    public static NudgeQueue nudgeQueue(Town town, Address a) {
        return new NudgeQueue(nudgeQueues(town).resolve(SessionNames.of(a)));
    }

    public String peek(Address a, int lines) {
        String session = SessionNames.of(a);
        Pane p = sessions.pane(session).orElseThrow(() -> new GtException("no session for " + a + " ("
                + session + ")"));
        return sessions.capture(p.id(), lines);
    }

    /** How to show {@code a}'s session in the terminal of a caller whose {@code $TMUX} is {@code callerTmux}. */
    public Tmux.Attach attach(Address a, String callerTmux) {
        String session = SessionNames.of(a);
        if (!sessions.exists(session)) {
            throw new GtException("no session for " + a + " (" + session + "); start it first");
        }
        return sessions.tmux().attach(session, callerTmux);
    }

    /** Boot is a fresh triage each time: its scratch home is made on demand (towns installed before it had none). */
    private static void createHome(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new GtException("cannot create " + home + ": " + e.getMessage());
        }
    }

    private SessionSpec spec(Address a, Address from, String topic) {
        Path home = town.home(a);
        if (a.role() == Role.BOOT) {
            createHome(home);
        }
        if (!Files.isDirectory(home)) {
            throw new GtException(a + " has no home at " + home + (a.role().isRigWorker()
                    ? " (create it first: gt polecat add / gt crew add)" : ""));
        }
        AgentPreset preset = presets.forAgent(town, a);
        String session = SessionNames.of(a);
        Map<String, String> env = new LinkedHashMap<>(Identities.environment(town, a));
        env.put("PATH", agentPath());
        env.put("GT_AGENT", preset.name());
        env.put("GT_SESSION", session);
        env.putAll(preset.env());
        List<String> unset = new ArrayList<>(preset.unsetEnv());
        IDENTITY_VARS.stream().filter(v -> !env.containsKey(v)).forEach(unset::add);
        Map<String, String> values = new LinkedHashMap<>();
        if (preset.hooks()) {
            values.put("hooks_file", ClaudeHooks.write(town, session).toString());
        }
        String prompt = Beacon.prompt(a, from, topic, Instant.now());
        return new SessionSpec(session, home, env, preset.startArgv(prompt, values), unset);
    }

    private void afterStart(Address a, SessionSpec spec, Pane p, String event, String prompt) {
        AgentPreset preset = presets.forAgent(town, a);
        answerDialogs(p, preset);
        if (!preset.promptAsArgument()) {
            // this CLI takes no initial prompt: type it once the agent has had time to draw its input line
            Pause.millis(preset.readyDelayMillis());
            NudgeOutcome typed = new Nudger(sessions, nudgeQueues(town)).nudge(spec.name(), preset, prompt,
                    Nudger.Mode.IMMEDIATE, Duration.ZERO);
            if (!(typed instanceof NudgeOutcome.Delivered)) {
                throw new GtException("started " + a + " but could not give it its first instructions: " + typed);
            }
        }
        new Agents(ledger).setState(a, AgentState.RUNNING);
        new EventLog(town).append(event, ledger.actor(), new JsonObject().put("target", a.toString())
                .put("session", spec.name()).put("pane", p.id()).put("pid", p.pid()).put("agent", preset.name()));
    }

    /** Polls the screen for the preset's start-up dialogs until the agent shows its prompt or 8 s pass. */
    private void answerDialogs(Pane p, AgentPreset preset) {
        if (preset.dialogs().isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < deadline) {
            String screen = sessions.capture(p.id(), 30);
            if (Screen.promptShown(screen, preset)) {
                return;
            }
            Screen.dialog(screen, preset).ifPresent(d -> sessions.keys(p.id(), d.keys().toArray(String[]::new)));
            Pause.millis(500);
        }
    }
}
