package dev.gastown.beads.query;

import java.util.Locale;

/** Order of {@code bd ready}. */
public enum SortPolicy {
    /** Issues created in the last 48 hours first, by priority; then older ones, oldest first. */
    HYBRID,
    /** By priority, then oldest first. */
    PRIORITY,
    /** Oldest first. */
    OLDEST;

    public static SortPolicy parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new dev.gastown.beads.ops.InvalidInputException(
                    "invalid sort policy \"" + s + "\" (use hybrid, priority or oldest)");
        }
    }
}
