package dev.gastown.core.formula;

import java.util.List;
import java.util.Map;

/**
 * A {@code [steps.loop]}. Exactly one of {@code count}, {@code range} ({@code "a..b"}, integer expressions) or
 * {@code until} (with {@code max}) is set. {@code var} names the iteration value for {@code {var}} placeholders in the
 * body; {@code let} (a Gas Town Java extension) computes further per-iteration values from expressions.
 */
public record LoopSpec(Integer count, String range, String until, Integer max, String var, Map<String, String> let,
        List<Step> body) {

    public LoopSpec {
        range = range == null ? "" : range;
        until = until == null ? "" : until;
        var = var == null ? "" : var;
        let = let == null ? Map.of() : Map.copyOf(let);
        body = body == null ? List.of() : List.copyOf(body);
    }
}
