package dev.gastown.core.runtime;

import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.mail.MailNotifier;
import dev.gastown.core.mail.Message;
import dev.gastown.tmux.Nudger;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tells a recipient whose agent is running that mail arrived: a nudge, delivered at once if the agent is idle,
 * else at its next turn. Mail is stored before this runs, so the notification is best-effort: when it cannot be
 * made (no tmux installed, the server unreachable, a malformed preset, a full nudge queue) the mail stays delivered
 * and the failure is only reported as a warning.
 */
public final class SessionMailNotifier implements MailNotifier {
    private final Supplier<AgentSessions> sessions;
    private final Consumer<String> warnings;

    /**
     * @param sessions built on the first delivery, so sending mail to nobody's session costs nothing
     * @param warnings told, in one line, about each notification that failed
     */
    public SessionMailNotifier(Supplier<AgentSessions> sessions, Consumer<String> warnings) {
        this.sessions = sessions;
        this.warnings = warnings;
    }

    @Override
    public void delivered(Message m) {
        Address to;
        Address from;
        try {
            to = Address.parse(m.to());
            from = Address.parse(m.from());
        } catch (RuntimeException notAnAgent) {
            return;
        }
        if (to.role() == Role.OVERSEER) {
            return;
        }
        try {
            AgentSessions s = sessions.get();
            if (s.running(to).isEmpty()) {
                return;
            }
            new Nudges(s, s.ledger()).send(from, to, "📬 New mail from " + m.from() + ": " + m.subject()
                    + " (gt mail read " + m.id() + ")", Nudger.Mode.WAIT_IDLE, Duration.ofMillis(500), false);
        } catch (RuntimeException e) {
            warnings.accept("mail " + m.id() + " was delivered to " + to + ", but its session was not told: "
                    + e.getMessage());
        }
    }
}
