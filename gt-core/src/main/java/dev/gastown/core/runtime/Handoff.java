package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.MessageKind;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.Hooks;
import dev.gastown.tmux.Pane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code gt handoff}: ends this context window and continues in a fresh agent process in the same pane. The note
 * for the successor is a mail to self ({@code 🤝 HANDOFF: ...}), stored before anything is restarted; the hook is
 * untouched, so the successor resumes the molecule at its first open step. A handoff that follows another within
 * two minutes with the same hook and no step closed in between is refused as a loop.
 */
public final class Handoff {
    public static final String SUBJECT_PREFIX = "🤝 HANDOFF: ";
    static final Duration LOOP_WINDOW = Duration.ofMinutes(2);

    private final AgentSessions sessions;
    private final Ledger ledger;

    public Handoff(AgentSessions sessions, Ledger ledger) {
        this.sessions = sessions;
        this.ledger = ledger;
    }

    /** What was done before the restart (a self-handoff usually does not live to see it returned). */
    public record Result(Optional<Message> note, Pane pane) {
    }

    public Result handoff(Address me, String subject, String message, boolean force) {
        String session = SessionNames.of(me);
        if (!sessions.sessions().exists(session)) {
            throw new GtException(me + " has no session (" + session + ") to restart; run gt handoff from inside"
                    + " the agent's session");
        }
        HookView view = HookView.of(me, new Hooks(ledger).find(me));
        String hook = view.hooked().map(h -> h.id()).orElse("");
        int done = view.progress().map(HookView.Progress::done).orElse(0);
        Path stateFile = ledger.town().runtimeDir().resolve("agents").resolve(session).resolve("handoff.json");
        if (!force) {
            refuseLoop(stateFile, hook, done);
        }
        Optional<Message> note = Optional.empty();
        if (!subject.isBlank() || !message.isBlank()) {
            note = Optional.of(new Mailboxes(ledger).send(new Outgoing(me, me, SUBJECT_PREFIX
                    + (subject.isBlank() ? "continuing " + (hook.isEmpty() ? "work" : hook) : subject), message, Outgoing.HIGH,
                    MessageKind.NOTIFICATION, "", List.of(), false)));
        }
        JsonFiles.write(stateFile, new JsonObject().put("at", Instant.now().toString()).put("hook", hook)
                .put("done", done));
        new EventLog(ledger.town()).append("handoff", me.toString(), new JsonObject().put("to_session", session)
                .put("subject", subject).put("hook", hook).put("steps_done", done)
                .put("note", note.map(Message::id).orElse("")));
        return new Result(note, sessions.respawn(me, me, "handoff"));
    }

    private static void refuseLoop(Path stateFile, String hook, int done) {
        JsonFiles.readIfExists(stateFile).ifPresent(last -> {
            Instant at = Instant.parse(last.string("at"));
            boolean recent = at.isAfter(Instant.now().minus(LOOP_WINDOW));
            if (recent && last.string("hook").equals(hook) && last.get("done").asLong() == done) {
                throw new GtException("refusing to hand off again: the last handoff was at " + at + " and no step of "
                        + (hook.isEmpty() ? "any work" : hook) + " was closed since (a handoff loop); do a step"
                        + " first, or use --force");
            }
        });
    }
}
