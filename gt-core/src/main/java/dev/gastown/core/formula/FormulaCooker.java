package dev.gastown.core.formula;

import dev.gastown.beads.mol.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cooks formulas into {@link Template}s, in the order beads does: resolve {@code extends}; control flow (loops, then
 * {@code compose.branch}, then {@code compose.gate}); the formula's own advice; inline {@code expand}s;
 * {@code compose.expand} then {@code compose.map}; {@code compose.aspects}; then, when pouring, conditions and
 * {@code {{var}}} substitution. Other formulas (parents, expansions, aspects) come from the library.
 */
public final class FormulaCooker {
    private final FormulaLibrary library;
    private final boolean acceptRequiredWithDefault;

    /** A cooker that, like beads, refuses a variable declared both {@code required} and with a {@code default}. */
    public FormulaCooker(FormulaLibrary library) {
        this(library, false);
    }

    private FormulaCooker(FormulaLibrary library, boolean acceptRequiredWithDefault) {
        this.library = Objects.requireNonNull(library, "library");
        this.acceptRequiredWithDefault = acceptRequiredWithDefault;
    }

    /**
     * A cooker that lets a default win over {@code required = true} instead of refusing the formula. Gas Town ships
     * such formulas (its own parser never checked), and {@code bd} could not cook them.
     */
    public FormulaCooker acceptingRequiredWithDefault() {
        return new FormulaCooker(library, true);
    }

    /** The formula with {@code extends} flattened and its steps validated; what {@code bd formula show} displays. */
    public Formula resolve(Formula formula) {
        Formula resolved = new FormulaResolver(library).resolve(formula);
        if (!acceptRequiredWithDefault) {
            resolved.vars().forEach((name, def) -> {
                if (def.required() && def.hasDefault()) {
                    throw new FormulaException(FormulaException.Kind.SCHEMA, resolved.source().location(),
                            resolved.source().lineOfVar(name), null,
                            "vars." + name + ": cannot be both required and have a default");
                }
            });
        }
        StepValidator.validate(resolved);
        return resolved;
    }

    /** Loads {@code nameOrPath} from the library and cooks it. */
    public CookedFormula cook(String nameOrPath, Map<String, String> vars, CookMode mode) {
        return cook(library.load(nameOrPath), vars, mode);
    }

    /**
     * Cooks a workflow (or expansion, or aspect) formula.
     *
     * @param vars values given with {@code --var}; each must be declared or used by the formula
     * @throws FormulaException for any problem; nothing partial is returned
     */
    public CookedFormula cook(Formula formula, Map<String, String> vars, CookMode mode) {
        if (formula.type() == FormulaType.CONVOY) {
            throw new FormulaException(FormulaException.Kind.WRONG_TYPE, formula.source().location(), 0, null,
                    "convoy formulas are not cooked; run them with gt formula run (see ConvoyPlanner)");
        }
        Formula resolved = resolve(formula);
        TemplateVars.validate(resolved, vars);
        Map<String, String> values = TemplateVars.effective(resolved, vars);
        Set<String> readByExpressions = new HashSet<>();

        List<Step> steps = new LoopUnroller(resolved, values, readByExpressions).unroll(stepsOf(resolved));
        steps = ComposeWiring.apply(resolved, steps);
        steps = new AdviceWeaver(resolved.advice()).weave(steps);
        Expander expander = new Expander(resolved, library);
        steps = expander.applyInline(steps);
        steps = expander.applyCompose(steps);
        for (String aspectName : resolved.compose().aspects()) {
            steps = new AdviceWeaver(loadAspect(resolved, aspectName).advice()).weave(steps);
        }

        Set<String> mentioned = new HashSet<>(readByExpressions);
        TemplateVars.collect(steps, mentioned);
        rejectUnknown(resolved, vars, mentioned);
        if (mode == CookMode.POUR) {
            steps = ConditionFilter.apply(resolved, steps, values);
        }
        Template template = TemplateBuilder.build(resolved, steps);

        Set<String> used = new TreeSet<>();
        TemplateVars.collect(template, used);
        Set<String> required = new TreeSet<>();
        resolved.vars().forEach((name, def) -> {
            if (def.required() && !def.hasDefault()) {
                required.add(name);
            }
        });
        for (String name : used) {
            VarDef def = resolved.vars().get(name);
            if (def == null || !def.hasDefault()) {
                required.add(name);
            }
        }
        if (mode == CookMode.POUR) {
            rejectMissing(resolved, required, values);
            template = TemplateVars.substitute(template, values);
        }
        return new CookedFormula(resolved, template, new ArrayList<>(used), new ArrayList<>(required));
    }

    /** An expansion formula cooked on its own expands against a step named after itself. */
    private static List<Step> stepsOf(Formula formula) {
        if (formula.type() != FormulaType.EXPANSION || !formula.steps().isEmpty()) {
            return formula.steps();
        }
        Step target = Step.builder().id(formula.name()).title(formula.name()).description(formula.description())
                .build();
        return Expander.instantiate(formula, target, Map.of(), 0);
    }

    private Formula loadAspect(Formula formula, String name) {
        Formula aspect = library.load(name);
        if (aspect.type() != FormulaType.ASPECT) {
            throw new FormulaException(FormulaException.Kind.WRONG_TYPE, formula.source().location(),
                    formula.source().lineOfKey("aspects"), null,
                    "compose.aspects: " + name + " is not an aspect formula (type " + aspect.type().id() + ")");
        }
        return aspect;
    }

    private static void rejectUnknown(Formula formula, Map<String, String> given, Set<String> mentioned) {
        List<String> unknown = given.keySet().stream()
                .filter(name -> !formula.vars().containsKey(name) && !mentioned.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            Set<String> known = new TreeSet<>(formula.vars().keySet());
            known.addAll(mentioned);
            throw new FormulaException(FormulaException.Kind.UNKNOWN_VAR, formula.source().location(), 0, null,
                    "unknown variable" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + " (this formula knows: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
    }

    private static void rejectMissing(Formula formula, Set<String> required, Map<String, String> values) {
        List<String> missing = required.stream().filter(name -> !values.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            int line = missing.stream().filter(formula.vars()::containsKey).findFirst()
                    .map(formula.source()::lineOfVar).orElse(0);
            throw new FormulaException(FormulaException.Kind.MISSING_VAR, formula.source().location(), line, null,
                    "missing required variable" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + " (give " + (missing.size() > 1 ? "them" : "it") + " with --var "
                            + missing.get(0) + "=<value>)");
        }
    }
}
