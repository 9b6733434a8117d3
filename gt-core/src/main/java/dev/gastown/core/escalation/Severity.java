package dev.gastown.core.escalation;

import dev.gastown.core.GtException;
import java.util.Locale;

/** How urgent an escalation is; it sets the priority of the escalation bead and of its mail. */
public enum Severity {
    CRITICAL(0), HIGH(1), MEDIUM(2);

    private final int priority;

    Severity(int priority) {
        this.priority = priority;
    }

    public int priority() {
        return priority;
    }

    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GtException("unknown severity \"" + text + "\": use CRITICAL, HIGH or MEDIUM");
        }
    }
}
