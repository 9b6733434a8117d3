package dev.gastown.core.formula;

import java.util.List;
import java.util.Map;

/**
 * A parsed formula file: the union of the beads ({@code bd cook}, {@code bd mol pour}) and Gas Town
 * ({@code gt formula run}) schemas. {@code vars} and the convoy maps are sorted by name. A formula straight from
 * {@link FormulaParser} is as written; {@link FormulaCooker} resolves {@code extends} and everything else.
 */
public record Formula(
        String name,
        String description,
        int version,
        FormulaType type,
        List<String> extendsFormulas,
        String phase,
        Map<String, VarDef> vars,
        List<Step> steps,
        List<Step> template,
        Compose compose,
        List<AdviceRule> advice,
        List<Pointcut> pointcuts,
        ConvoySpec convoy,
        FormulaSource source) {

    public Formula {
        description = description == null ? "" : description;
        extendsFormulas = extendsFormulas == null ? List.of() : List.copyOf(extendsFormulas);
        phase = phase == null ? "" : phase;
        vars = vars == null ? Map.of() : FormulaMaps.sortedCopy(vars);
        steps = steps == null ? List.of() : List.copyOf(steps);
        template = template == null ? List.of() : List.copyOf(template);
        compose = compose == null ? Compose.EMPTY : compose;
        advice = advice == null ? List.of() : List.copyOf(advice);
        pointcuts = pointcuts == null ? List.of() : List.copyOf(pointcuts);
        convoy = convoy == null ? ConvoySpec.EMPTY : convoy;
        source = source == null ? FormulaSource.inMemory(name) : source;
    }

    /** A {@link FormulaException} about this formula, pointing at {@code stepId}'s line when it can be found. */
    FormulaException error(FormulaException.Kind kind, String stepId, String reason) {
        FormulaSource.Position at = source.locateStep(stepId);
        return new FormulaException(kind, at.file(), at.line(), stepId, reason);
    }
}
