package dev.gastown.core.formula;

import dev.gastown.beads.mol.Template;
import java.util.List;

/**
 * The result of cooking: the {@link Template} to pour (every cooked step, gate and dependency is in it), and the
 * formula it came from with {@code extends} resolved (its vars and phase are what a pour needs to know).
 * {@code variables} are the {@code {{name}}} placeholders the template uses; {@code requiredVars} those that need a
 * value to pour (declared required, or used without a default). Both are sorted.
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
