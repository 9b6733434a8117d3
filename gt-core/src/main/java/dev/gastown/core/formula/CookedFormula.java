package dev.gastown.core.formula;

import dev.gastown.beads.mol.Template;
import java.util.List;

/**
 * The result of cooking: the {@link Template} to pour, and the fully transformed formula behind it ({@code extends}
 * resolved, loops unrolled, advice and expansions applied; {@code bd cook} prints it). {@code variables} are the
 * {@code {{name}}} placeholders the template uses; {@code requiredVars} those that need a value to pour (declared
 * required, or used without a default). Both are sorted.
 */
public record CookedFormula(Formula formula, Template template, List<String> variables, List<String> requiredVars) {
    public CookedFormula {
        variables = List.copyOf(variables);
        requiredVars = List.copyOf(requiredVars);
    }

    /** {@code vapor} formulas are meant to be wisped; {@code bd mol pour} warns about them. */
    public boolean prefersWisp() {
        return formula.phase().equals("vapor");
    }
}
