package dev.gastown.core.formula;

import java.util.Map;

/**
 * A {@code [steps.on_complete]} runtime fan-out: when the step closes, bond {@code bond} once per element of
 * {@code forEach} (an {@code output.<path>} of the step). Parsed and validated here; acted on at run time.
 */
public record OnComplete(String forEach, String bond, Map<String, String> vars, boolean parallel,
        boolean sequential) {
    public OnComplete {
        forEach = forEach == null ? "" : forEach;
        bond = bond == null ? "" : bond;
        vars = vars == null ? Map.of() : Map.copyOf(vars);
    }
}
