package dev.gastown.core.runtime;

import dev.gastown.core.identity.Address;
import dev.gastown.core.mail.MailNotifier;
import dev.gastown.core.mail.Message;
import dev.gastown.tmux.Nudger;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells a recipient whose agent is running that mail arrived: a nudge, delivered at once if the agent is idle,
 * else at its next turn. Mail is stored before this runs, so a failed nudge loses nothing.
 */
public final class SessionMailNotifier implements MailNotifier {
    private final Supplier<AgentSessions> sessions;

    /** @param sessions built on the first delivery, so sending mail to nobody's session costs nothing */
    public SessionMailNotifier(Supplier<AgentSessions> sessions) {
        this.sessions = sessions;
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
        if (to.role() == dev.gastown.core.identity.Role.OVERSEER) {
            return;
        }
        AgentSessions s = sessions.get();
        if (s.running(to).isEmpty()) {
            return;
        }
        new Nudges(s, s.ledger()).send(from, to, "📬 New mail from " + m.from() + ": " + m.subject()
                + " (gt mail read " + m.id() + ")", Nudger.Mode.WAIT_IDLE, Duration.ofMillis(500), false);
    }
}
