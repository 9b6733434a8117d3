package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.tmux.NudgeOutcome;
import dev.gastown.tmux.Nudger;
import java.time.Duration;
import java.util.List;

/**
 * {@code gt nudge}: a message typed into another agent's session, attributed ({@code [from SENDER] }), honouring
 * the recipient's do-not-disturb ({@code notification_level: muted}) unless forced, and recorded as an event.
 */
public final class Nudges {
    /** The nudge was not sent because the recipient is muted. */
    public static final NudgeOutcome MUTED = new NudgeOutcome.Failed("muted: the recipient's notification_level is"
            + " muted (use --force to send anyway)");

    private final AgentSessions sessions;
    private final Ledger ledger;

    public Nudges(AgentSessions sessions, Ledger ledger) {
        this.sessions = sessions;
        this.ledger = ledger;
    }

    public NudgeOutcome send(Address from, Address to, String message, Nudger.Mode mode, Duration idleWait,
            boolean force) {
        if (!force && new Agents(ledger).find(to).flatMap(r -> r.field("notification_level")).map("muted"::equals)
                .orElse(false)) {
            return MUTED;
        }
        NudgeOutcome outcome = nudger().nudge(SessionNames.of(to), sessions.presetFor(to),
                "[from " + from + "] " + message, mode, idleWait);
        new EventLog(ledger.town()).append("nudge", from.toString(), new JsonObject().put("target", to.toString())
                .put("outcome", outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .put("reason", message.length() > 200 ? message.substring(0, 200) + "…" : message));
        return outcome;
    }

    /** Delivers {@code to}'s queued nudges as it becomes idle, for up to {@code watch}. */
    public int deliverQueued(Address to, Duration watch) {
        return nudger().deliverQueued(SessionNames.of(to), sessions.presetFor(to), watch);
    }

    /** Takes {@code me}'s queued messages (the agent reads them at its turn boundary). */
    public List<String> drain(Address me) {
        return nudger().queue(SessionNames.of(me)).drain();
    }

    private Nudger nudger() {
        return new Nudger(sessions.sessions(), AgentSessions.nudgeQueues(ledger.town()));
    }
}
