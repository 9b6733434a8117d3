package dev.gastown.core.daemon;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.core.GtException;
import dev.gastown.core.escalation.Escalations;
import dev.gastown.core.escalation.Severity;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.runtime.AgentProgress;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.Nudges;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.workers.Dogs;
import dev.gastown.tmux.Nudger;
import dev.gastown.tmux.Pane;
import dev.gastown.tmux.TmuxException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One heartbeat of the daemon: reconcile what should run against what runs, check first and act only on a
 * difference, so running it twice in a row changes nothing the second time. It keeps the Deacon, every rig's Witness
 * and Refinery, and every polecat and dog with unfinished hooked work running (restarts back off and a crash loop is
 * blocked and escalated), runs Boot at most every few minutes, carries out LIFECYCLE requests (claiming each before
 * acting), and nudges, then restarts, agents whose work makes no progress. Nothing runs while the town is shutting
 * down.
 */
public final class Heartbeat {
    static final Duration LIFECYCLE_MAX_AGE = Duration.ofHours(6);

    /** Something the heartbeat did or decided. */
    public record Action(String kind, String target, String detail) {
        public JsonObject toJson() {
            return new JsonObject().put("action", kind).put("target", target).put("detail", detail);
        }

        @Override
        public String toString() {
            return kind + " " + target + (detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final AgentSessions sessions;
    private final Ledger ledger;
    private final Thresholds thresholds;
    private final DaemonFiles files;
    private final List<Action> actions = new ArrayList<>();

    public Heartbeat(AgentSessions sessions, Thresholds thresholds) {
        this.sessions = sessions;
        this.ledger = sessions.ledger();
        this.thresholds = thresholds;
        this.files = DaemonFiles.of(ledger.town());
    }

    public List<Action> run(Instant now) {
        if (Files.exists(files.shuttingDown())) {
            actions.add(new Action("skip", "town", "shutdown in progress"));
            return actions;
        }
        RestartTracker restarts = RestartTracker.load(files.restarts());
        keepRunning(Address.DEACON, "patrol", restarts, now);
        for (Rig rig : Rig.all(ledger.town())) {
            keepRunning(new Address.Witness(rig.name()), "patrol", restarts, now);
            keepRunning(new Address.Refinery(rig.name()), "patrol", restarts, now);
            for (String name : FileTrees.namedChildren(rig.layout().polecatsDir())) {
                Address.Polecat p = new Address.Polecat(rig.name(), name);
                Optional<Hooked> work = new Hooks(ledger).find(p).filter(h -> !h.complete());
                if (work.isPresent()) {
                    keepRunning(p, "assigned:" + work.get().id(), restarts, now);
                }
            }
        }
        for (Dogs.Status dog : new Dogs(ledger).list()) {
            dog.work().ifPresent(w -> keepRunning(dog.dog().address(), "assigned:" + w, restarts, now));
        }
        runBoot(now);
        lifecycleRequests(now);
        deliverQueuedNudges();
        DaemonState.recordHeartbeat(files, now);
        return actions;
    }

    /**
     * An agent that went idle with messages still queued for it (its sender gave up waiting, and an agent CLI only
     * drains its queue when a turn ends) gets them now, if it is idle at this moment; a busy one keeps them.
     */
    private void deliverQueuedNudges() {
        Nudges nudges = new Nudges(sessions, ledger);
        for (String session : sessions.sessions().list()) {
            Optional<Address> a = SessionNames.parse(session);
            if (a.isEmpty() || AgentSessions.nudgeQueue(ledger.town(), a.get()).isEmpty()) {
                continue;
            }
            try {
                int n = nudges.deliverQueued(a.get(), Duration.ZERO);
                if (n > 0) {
                    actions.add(new Action("deliver", a.get().toString(), n + " queued message(s) delivered"));
                }
            } catch (GtException | TmuxException e) {
                actions.add(new Action("failed", a.get().toString(), "delivering its queue: " + e.getMessage()));
            }
        }
    }

    /** Starts a missing agent, respawns a dead one, unsticks a stale one; each restart goes through the tracker. */
    private void keepRunning(Address a, String topic, RestartTracker restarts, Instant now) {
        Optional<Pane> pane = sessions.sessions().pane(SessionNames.of(a));
        if (pane.isPresent() && !pane.get().dead()) {
            checkProgress(a, pane.get(), restarts, now);
            return;
        }
        restart(a, topic, pane.isEmpty() ? "not running" : "its agent exited (status "
                + pane.get().deadStatusText() + ")", restarts, now, false);
    }

    /** Restarts {@code a} through the tracker: a live but stuck agent is respawned in its pane, others started. */
    private void restart(Address a, String topic, String why, RestartTracker restarts, Instant now, boolean live) {
        RestartTracker.Decision d = restarts.decide(a.toString(), now);
        if (d instanceof RestartTracker.Decision.Blocked b) {
            actions.add(new Action("blocked", a.toString(), "crash loop (" + b.restartsInARow()
                    + " restarts in a row); not restarting until gt daemon unblock " + a));
            return;
        }
        if (d instanceof RestartTracker.Decision.Wait w) {
            actions.add(new Action("wait", a.toString(), why + "; next restart after " + w.until()));
            return;
        }
        boolean loop = restarts.recordRestart(a.toString(), now);
        try {
            if (live) {
                sessions.respawn(a, Address.OVERSEER, topic);
            } else {
                sessions.ensure(a, Address.OVERSEER, topic);
            }
            actions.add(new Action(live ? "restart" : "start", a.toString(), why));
        } catch (GtException | TmuxException e) {
            actions.add(new Action("failed", a.toString(), e.getMessage()));
        }
        if (loop) {
            escalateLoop(a);
        }
    }

    private void escalateLoop(Address a) {
        new Escalations(ledger, new Mailboxes(ledger)).escalate(Address.DEACON, "crash loop: " + a,
                Severity.HIGH, a + " was restarted " + RestartTracker.LOOP_RESTARTS + " times in a row, each within "
                        + RestartTracker.LOOP_WINDOW.toMinutes() + " minutes of the last. The daemon will not restart it"
                        + " again until someone looks: gt peek " + a + ", then gt daemon unblock " + a + ".");
        actions.add(new Action("escalate", a.toString(), "crash loop reported to the overseer"));
    }

    /**
     * An agent with work whose bead, hooked work and screen have not changed for a while is nudged; after longer,
     * restarted in its pane (the molecule is the state, so the restarted agent resumes where it was).
     */
    private void checkProgress(Address a, Pane pane, RestartTracker restarts, Instant now) {
        Optional<Hooked> work = new Hooks(ledger).find(a).filter(h -> !h.complete());
        if (work.isEmpty()) {
            return;
        }
        Instant last = AgentProgress.last(sessions, a, work.get(), pane);
        Duration quiet = Duration.between(last, now);
        if (quiet.compareTo(thresholds.staleRestart()) >= 0) {
            restart(a, "assigned:" + work.get().id(), "no progress for " + quiet.toMinutes() + " min", restarts, now,
                    true);
        } else if (quiet.compareTo(thresholds.staleNudge()) >= 0 && DaemonState.mayNudge(files, a, now,
                thresholds.staleNudge())) {
            new Nudges(sessions, ledger).send(Address.DEACON, a, "HEALTH_CHECK: no progress on " + work.get().id()
                    + " for " + quiet.toMinutes() + " min. Run `gt hook` and carry on, or ask for help.",
                    Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(2), true);
            actions.add(new Action("nudge", a.toString(), "no progress for " + quiet.toMinutes() + " min"));
        }
    }

    /** Boot looks at the Deacon with fresh eyes, at most once per interval; a finished Boot session is replaced. */
    private void runBoot(Instant now) {
        if (!DaemonState.bootDue(files, now, thresholds.bootInterval())) {
            return;
        }
        sessions.stop(Address.BOOT, "replaced by a fresh Boot");
        try {
            sessions.start(Address.BOOT, Address.OVERSEER, "triage");
            actions.add(new Action("boot", Address.BOOT.toString(), "triaging the Deacon"));
        } catch (GtException e) {
            actions.add(new Action("boot", "town", "Boot could not start (" + e.getMessage()
                    + "); triaging mechanically"));
            new BootTriage(sessions).triage(now).forEach(actions::add);
        }
        DaemonState.recordBoot(files, now);
    }

    /**
     * {@code LIFECYCLE:} mail to the Deacon asks the daemon to cycle, restart or shut down the sender's session.
     * Each request is acknowledged before it is acted on, so a crash mid-way never repeats it; requests older than
     * six hours are dropped.
     */
    private void lifecycleRequests(Instant now) {
        Mailboxes mail = new Mailboxes(ledger);
        for (Message m : mail.inbox(Address.DEACON, false)) {
            if (!m.subject().startsWith("LIFECYCLE:")) {
                continue;
            }
            mail.ack(List.of(m.id()));
            Instant sent = Instant.parse(m.createdAt());
            if (sent.isBefore(now.minus(LIFECYCLE_MAX_AGE))) {
                actions.add(new Action("lifecycle", m.from(), "dropped a request older than 6 h: " + m.subject()));
                continue;
            }
            String action = action(m.body());
            Address who;
            try {
                who = Address.parse(m.from());
            } catch (GtException e) {
                continue;
            }
            try {
                switch (action) {
                    case "shutdown" -> sessions.stop(who, "LIFECYCLE shutdown requested");
                    case "cycle", "restart" -> sessions.respawn(who, Address.DEACON, "lifecycle:" + action);
                    default -> {
                        actions.add(new Action("lifecycle", who.toString(), "unknown action \"" + action + "\""));
                        continue;
                    }
                }
            } catch (GtException | TmuxException e) {
                actions.add(new Action("failed", who.toString(), "LIFECYCLE " + action + ": " + e.getMessage()));
                continue;
            }
            actions.add(new Action("lifecycle", who.toString(), action));
            new EventLog(ledger.town()).append("lifecycle", "daemon", new JsonObject().put("target", who.toString())
                    .put("action", action));
        }
    }

    private static String action(String body) {
        String b = body.strip();
        if (b.startsWith("{")) {
            try {
                return JsonParser.parseObject(b).string("action");
            } catch (RuntimeException e) {
                return "";
            }
        }
        return b.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
    }
}
