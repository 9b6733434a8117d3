package dev.gastown.beads.merge;

import dev.gastown.beads.json.JsonValue;
import java.util.Locale;

/**
 * A value both sides changed differently, and what the merge wrote. {@code left} and {@code right} are the JSON
 * values of the field ({@code null} when the field, or for {@link #WHOLE_ISSUE} the issue, is absent on that side).
 * {@code kept} says which value the output holds; {@link Kept#BOTH} means the output holds two lines with the same
 * id, which the store refuses until someone resolves them, so the merge is not finished.
 */
public record MergeConflict(String issueId, String field, JsonValue left, JsonValue right, Kept kept) {
    /** The field name used when the conflict is about the whole issue: one side deleted what the other modified. */
    public static final String WHOLE_ISSUE = "*";

    private static final int SHOWN_CHARS = 80;

    /** Which side's value the merged output holds. */
    public enum Kept {
        LEFT, RIGHT, BOTH
    }

    /** Whether the output still needs a person: only when two different issues were kept under one id. */
    public boolean unresolved() {
        return kept == Kept.BOTH;
    }

    /** One line for a person, values shortened. */
    public String describe() {
        return issueId + " " + field + ": left " + shown(left) + ", right " + shown(right) + "; kept "
                + kept.name().toLowerCase(Locale.ROOT);
    }

    private static String shown(JsonValue v) {
        if (v == null) {
            return "(absent)";
        }
        String s = v.toJson();
        return s.length() <= SHOWN_CHARS ? s : s.substring(0, SHOWN_CHARS) + "...";
    }
}
