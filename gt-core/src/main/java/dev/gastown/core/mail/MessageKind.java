package dev.gastown.core.mail;

import dev.gastown.core.GtException;
import java.util.Arrays;
import java.util.Locale;

/** What a message asks of its reader, stored as the {@code msg-type:} label. */
public enum MessageKind {
    /** Information; nothing to do (the default). */
    NOTIFICATION,
    /** Work for the reader. */
    TASK,
    /** An answer in a thread. */
    REPLY,
    /** Work anyone may pick up. */
    SCAVENGE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code key}; unknown names are refused, listing the valid ones. */
    public static MessageKind parse(String key) {
        for (MessageKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        throw new GtException("unknown message type \"" + key + "\": use one of "
                + String.join(", ", Arrays.stream(values()).map(MessageKind::key).toList()));
    }

    /** The kind a stored label names; mail written by other tools with no or an unknown label is a notification. */
    static MessageKind ofLabel(String key) {
        for (MessageKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return NOTIFICATION;
    }
}
