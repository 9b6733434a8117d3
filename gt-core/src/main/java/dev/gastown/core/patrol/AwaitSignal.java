package dev.gastown.core.patrol;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.tmux.NudgeQueue;
import dev.gastown.tmux.Pause;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gt mol step await-signal}: how a patrol waits between cycles without burning tokens. It returns as soon as
 * the agent has unread mail, a queued nudge, or the town records work for it (a submission, a merge, a spawn in its
 * rig; an escalation for the Deacon); otherwise after a backoff that doubles with each idle wait
 * ({@code base · mult^idle}, capped), the idle count kept on the agent bead so it survives restarts. Any signal resets
 * it.
 */
public final class AwaitSignal {
    private static final Set<String> RIG_WORK = Set.of("done", "merged", "merge_failed", "spawn", "sling", "nuke");
    private static final Set<String> TOWN_WORK = Set.of("escalation_sent", "lifecycle", "convoy_created", "rig_add");

    /** How the wait ended. */
    public record Result(String signal, long waitedMillis, int idle, Duration timeout) {
        public JsonObject toJson() {
            return new JsonObject().put("signal", signal).put("waited_seconds", waitedMillis / 1000)
                    .put("idle", idle).put("timeout_seconds", timeout.toSeconds());
        }
    }

    private final Ledger ledger;

    public AwaitSignal(Ledger ledger) {
        this.ledger = ledger;
    }

    public Result await(Address me, Duration base, double mult, Duration max) {
        Agents agents = new Agents(ledger);
        Optional<AgentRecord> record = agents.find(me);
        int idle = record.flatMap(r -> r.field("idle")).map(AwaitSignal::parse).orElse(0);
        Instant lastWake = record.flatMap(r -> r.field("woke")).map(AwaitSignal::instant).orElse(Instant.EPOCH);
        Duration timeout = Duration.ofMillis((long) Math.min(max.toMillis(), base.toMillis() * Math.pow(mult, idle)));
        EventLog log = new EventLog(ledger.town());
        long offset = log.readFrom(0).nextOffset();
        NudgeQueue nudges = AgentSessions.nudgeQueue(ledger.town(), me);
        Instant start = Instant.now();
        String signal = "timeout";
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (new Mailboxes(ledger).inbox(me, false).stream().anyMatch(m -> instant(m.createdAt()).isAfter(lastWake))) {
                signal = "mail";
                break;
            }
            if (!nudges.isEmpty()) {
                signal = "nudge";
                break;
            }
            EventLog.Batch batch = log.readFrom(offset);
            offset = batch.nextOffset();
            if (batch.events().stream().anyMatch(e -> concerns(e, me))) {
                signal = "event";
                break;
            }
            Pause.millis(500);
        }
        int nextIdle = signal.equals("timeout") ? idle + 1 : 0;
        agents.setFields(me, Map.of("idle", Integer.toString(nextIdle), "woke", Instant.now().toString()));
        return new Result(signal, Duration.between(start, Instant.now()).toMillis(), nextIdle, timeout);
    }

    private static boolean concerns(Event e, Address me) {
        if (e.actor().equals(me.toString())) {
            return false;
        }
        if (me.rig().isEmpty()) {
            return TOWN_WORK.contains(e.type());
        }
        String rig = me.rig().get();
        return RIG_WORK.contains(e.type()) && (e.payload().string("rig").equals(rig)
                || e.payload().string("target").startsWith(rig + "/") || e.actor().startsWith(rig + "/"));
    }

    /** A timestamp as written in beads; unreadable ones count as long ago, so their mail still wakes the agent. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
