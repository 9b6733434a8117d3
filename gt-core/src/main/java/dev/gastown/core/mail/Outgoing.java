package dev.gastown.core.mail;

import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import java.util.List;

/**
 * A message to send to one recipient; a broadcast is one of these per recipient ({@link #to(Address)}).
 *
 * @param priority 0 urgent, 1 high, 2 normal, 3 low
 * @param replyTo the message this answers (its thread is kept), or empty
 * @param cc the addresses copied, recorded on every copy
 * @param permanent exported to git like any bead; otherwise the message is a wisp, kept locally
 */
public record Outgoing(Address from, Address to, String subject, String body, int priority, MessageKind kind,
        String replyTo, List<Address> cc, boolean permanent) {

    public static final int URGENT = 0;
    public static final int HIGH = 1;
    public static final int NORMAL = 2;
    public static final int LOW = 3;

    public Outgoing {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a message needs a sender and a recipient");
        }
        if (subject == null || subject.isBlank()) {
            throw new GtException("a message needs a subject");
        }
        if (priority < URGENT || priority > LOW) {
            throw new GtException("message priority must be 0 (urgent) to 3 (low), not " + priority);
        }
        body = body == null ? "" : body;
        kind = kind == null ? MessageKind.NOTIFICATION : kind;
        replyTo = replyTo == null ? "" : replyTo;
        cc = List.copyOf(cc);
    }

    /** A normal-priority notification, kept locally. */
    public static Outgoing notice(Address from, Address to, String subject, String body) {
        return new Outgoing(from, to, subject, body, NORMAL, MessageKind.NOTIFICATION, "", List.of(), false);
    }

    /** The same message for another recipient. */
    public Outgoing to(Address recipient) {
        return new Outgoing(from, recipient, subject, body, priority, kind, replyTo, cc, permanent);
    }
}
