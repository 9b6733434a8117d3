package dev.gastown.beads.graph;

import java.util.List;
import java.util.Locale;

/**
 * Whether a close reason reports a failure. {@code conditional-blocks} edges run their issue only when the blocker
 * failed. Matching is by case-insensitive substring, as in the original, so "no error" counts as a failure.
 */
public final class CloseReasons {
    public static final List<String> FAILURE_WORDS = List.of("failed", "rejected", "wontfix", "won't fix",
            "cancelled", "canceled", "abandoned", "blocked", "error", "timeout", "aborted");

    private CloseReasons() {
    }

    public static boolean isFailure(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (String w : FAILURE_WORDS) {
            if (r.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
