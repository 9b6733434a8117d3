package dev.gastown.core.formula;

import java.util.Locale;
import java.util.Optional;

/** What a formula is for. Beads knows the first three; Gas Town adds {@link #CONVOY}. */
public enum FormulaType {
    /** Steps that cook into a molecule (the default). */
    WORKFLOW,
    /** A {@code [[template]]} that replaces a target step (used by {@code compose.expand}, {@code map}, {@code expand}). */
    EXPANSION,
    /** {@code [[advice]]} woven around other formulas' steps (used by {@code compose.aspects}). */
    ASPECT,
    /** Parallel {@code [[legs]]} plus a {@code [synthesis]}, run by {@code gt formula run}. */
    CONVOY;

    /** The name as written in a formula file. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FormulaType> parse(String text) {
        for (FormulaType t : values()) {
            if (t.id().equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
