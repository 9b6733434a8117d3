package dev.gastown.core.daemon;

import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.Nudges;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.tmux.Nudger;
import dev.gastown.tmux.TmuxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What Boot decides about the Deacon, by rule: not running → start it; its heartbeat file older than 15 minutes →
 * nudge it; older than 30 → restart it in its pane; otherwise leave it alone. Boot agents run this
 * ({@code gt boot triage}); the daemon runs it itself when Boot cannot start.
 */
public final class BootTriage {
    static final Duration NUDGE_AFTER = Duration.ofMinutes(15);
    static final Duration RESTART_AFTER = Duration.ofMinutes(30);

    private final AgentSessions sessions;

    public BootTriage(AgentSessions sessions) {
        this.sessions = sessions;
    }

    /** The Deacon's heartbeat file, which its patrol's first step touches. */
    public static Path heartbeatFile(dev.gastown.core.town.Town town) {
        return town.deaconDir().resolve("heartbeat.json");
    }

    public List<Heartbeat.Action> triage(Instant now) {
        List<Heartbeat.Action> out = new ArrayList<>();
        String deacon = Address.DEACON.toString();
        if (sessions.running(Address.DEACON).isEmpty()) {
            try {
                sessions.ensure(Address.DEACON, Address.BOOT, "patrol");
                out.add(new Heartbeat.Action("start", deacon, "was not running"));
            } catch (GtException | TmuxException e) {
                out.add(new Heartbeat.Action("failed", deacon, e.getMessage()));
            }
            return out;
        }
        Instant beat = JsonFiles.readIfExists(heartbeatFile(sessions.ledger().town()))
                .map(o -> o.string("timestamp")).filter(s -> !s.isEmpty()).map(Instant::parse).orElse(null);
        if (beat == null) {
            out.add(new Heartbeat.Action("nothing", deacon, "running; no heartbeat yet"));
            return out;
        }
        Duration age = Duration.between(beat, now);
        if (age.compareTo(RESTART_AFTER) >= 0) {
            try {
                sessions.respawn(Address.DEACON, Address.BOOT, "patrol");
                out.add(new Heartbeat.Action("restart", deacon, "heartbeat " + age.toMinutes() + " min old"));
            } catch (GtException | TmuxException e) {
                out.add(new Heartbeat.Action("failed", deacon, "restart after a " + age.toMinutes()
                        + " min old heartbeat: " + e.getMessage()));
            }
        } else if (age.compareTo(NUDGE_AFTER) >= 0) {
            new Nudges(sessions, sessions.ledger()).send(Address.BOOT, Address.DEACON, "HEALTH_CHECK: your heartbeat"
                    + " is " + age.toMinutes() + " min old; run `gt deacon heartbeat` and carry on with your patrol.",
                    Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(2), true);
            out.add(new Heartbeat.Action("nudge", deacon, "heartbeat " + age.toMinutes() + " min old"));
        } else {
            out.add(new Heartbeat.Action("nothing", deacon, "healthy (heartbeat " + age.toSeconds() + " s old)"));
        }
        return out;
    }
}
