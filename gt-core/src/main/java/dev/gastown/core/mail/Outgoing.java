package dev.gastown.core.mail;

import dev.gastown.core.identity.Address;
import java.util.List;

/**
 * A message to send.
 *
 * @param priority 0 urgent, 1 high, 2 normal, 3 low
 * @param kind {@code notification}, {@code task}, {@code reply} or {@code scavenge}
 * @param replyTo the message this answers (its thread is kept), or empty
 * @param permanent exported to git like any bead; otherwise the message is a wisp, kept locally
 */
public record Outgoing(Address from, Address to, String subject, String body, int priority, String kind,
        String replyTo, List<Address> cc, boolean permanent) {

    public Outgoing {
        cc = List.copyOf(cc);
        if (subject == null || subject.isBlank()) {
            throw new dev.gastown.core.GtException("a message needs a subject");
        }
        body = body == null ? "" : body;
    }

    /** A normal-priority notification, kept locally. */
    public static Outgoing notice(Address from, Address to, String subject, String body) {
        return new Outgoing(from, to, subject, body, 2, "notification", "", List.of(), false);
    }
}
