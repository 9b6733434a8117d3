package dev.gastown.core.formula;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens {@code extends}: each parent (itself resolved first) contributes its steps ahead of the child's, its vars
 * (the child's win), compose rules, advice and pointcuts (parents' first). The child's description, type and phase
 * win when set. A step id defined both in a parent and in the child is an error, and so is an {@code extends} cycle.
 */
final class FormulaResolver {
    private final FormulaLibrary library;

    FormulaResolver(FormulaLibrary library) {
        this.library = library;
    }

    Formula resolve(Formula formula) {
        return resolve(formula, new ArrayDeque<>());
    }

    private Formula resolve(Formula child, Deque<String> chain) {
        if (child.extendsFormulas().isEmpty()) {
            return child;
        }
        if (chain.contains(child.name())) {
            List<String> cycle = new ArrayList<>(chain);
            cycle.add(child.name());
            throw new FormulaException(FormulaException.Kind.CYCLE, child.source().location(),
                    child.source().lineOfKey("extends"), null, "extends cycle: " + String.join(" -> ", cycle));
        }
        chain.addLast(child.name());
        List<Step> steps = new ArrayList<>();
        Map<String, String> definedIn = new HashMap<>();
        Map<String, VarDef> vars = new LinkedHashMap<>();
        Compose compose = Compose.EMPTY;
        List<AdviceRule> advice = new ArrayList<>();
        List<Pointcut> pointcuts = new ArrayList<>();
        List<FormulaSource> parentSources = new ArrayList<>();
        String description = "";
        String phase = "";
        for (String parentName : child.extendsFormulas()) {
            Formula parent = resolve(library.load(parentName), chain);
            addSteps(child, parent.steps(), parent.name(), steps, definedIn);
            vars.putAll(parent.vars());
            compose = compose.mergedWith(parent.compose());
            advice.addAll(parent.advice());
            pointcuts.addAll(parent.pointcuts());
            parentSources.add(parent.source());
            description = description.isEmpty() ? parent.description() : description;
            phase = parent.phase().isEmpty() ? phase : parent.phase();
        }
        chain.removeLast();
        addSteps(child, child.steps(), child.name(), steps, definedIn);
        vars.putAll(child.vars());
        advice.addAll(child.advice());
        pointcuts.addAll(child.pointcuts());
        return new Formula(child.name(), child.description().isEmpty() ? description : child.description(),
                child.version(), child.type(), List.of(), child.phase().isEmpty() ? phase : child.phase(), vars, steps,
                child.template(), compose.mergedWith(child.compose()), advice, pointcuts, child.convoy(),
                child.source().inheriting(parentSources));
    }

    private static void addSteps(Formula child, List<Step> from, String formulaName, List<Step> into,
            Map<String, String> definedIn) {
        StepTree.forEach(from, s -> {
            String earlier = definedIn.putIfAbsent(s.id(), formulaName);
            if (earlier != null && !earlier.equals(formulaName)) {
                throw new FormulaException(FormulaException.Kind.DUPLICATE_STEP, child.source().location(),
                        child.source().lineOfStep(s.id()), s.id(),
                        "defined both in " + earlier + " and in " + formulaName);
            }
        });
        into.addAll(from);
    }
}
