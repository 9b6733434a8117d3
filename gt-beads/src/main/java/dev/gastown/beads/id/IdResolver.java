package dev.gastown.beads.id;

import dev.gastown.beads.store.StoreView;
import java.util.List;

/**
 * Turns what a user typed into an issue id: an exact id, then the store's prefix plus the input, then a unique id
 * containing the input. Ambiguity is an error that lists the candidates.
 */
public final class IdResolver {
    private static final int MAX_CANDIDATES_SHOWN = 10;

    private IdResolver() {
    }

    public static String resolve(StoreView view, String prefix, String input) {
        String typed = input.trim();
        if (typed.isEmpty()) {
            throw new IdResolutionException("empty issue id");
        }
        if (view.contains(typed)) {
            return typed;
        }
        if (!prefix.isEmpty() && !typed.startsWith(prefix + "-") && view.contains(prefix + "-" + typed)) {
            return prefix + "-" + typed;
        }
        List<String> matches = view.idsContaining(typed);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IdResolutionException("no issue found matching \"" + typed + "\"");
        }
        List<String> shown = matches.subList(0, Math.min(matches.size(), MAX_CANDIDATES_SHOWN));
        throw new IdResolutionException("\"" + typed + "\" is ambiguous; it matches " + matches.size() + " issues: "
                + String.join(", ", shown) + (matches.size() > shown.size() ? ", ..." : ""));
    }

    /** An id that does not resolve to exactly one issue. */
    public static final class IdResolutionException extends dev.gastown.beads.store.StoreException {
        public IdResolutionException(String message) {
            super(message);
        }
    }
}
