package dev.gastown.core.formula;

/** What a cook is for. */
public enum CookMode {
    /**
     * {@code bd mol pour} / {@code bd mol wisp} (and {@code bd cook --var}): conditions are applied, {@code {{var}}}
     * placeholders substituted, and a required variable without a value is an error.
     */
    POUR,
    /**
     * {@code bd cook --persist} and compile-time previews: every step is kept and placeholders stay for a later pour.
     * Loop expressions still need their variables' values (given or default).
     */
    PROTO
}
