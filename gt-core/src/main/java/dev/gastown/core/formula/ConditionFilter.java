package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops the steps whose {@code condition} is false for the pour's variables, with their children. A step that
 * needed a dropped step needs what the dropped step needed instead, so the order of what remains is kept.
 */
final class ConditionFilter {
    private ConditionFilter() {
    }

    static List<Step> apply(Formula formula, List<Step> steps, Map<String, String> vars) {
        Map<String, List<String>> dropped = new HashMap<>();
        List<Step> kept = filter(formula, steps, vars, dropped);
        if (dropped.isEmpty()) {
            return kept;
        }
        return StepTree.map(kept, s -> {
            List<String> needs = bridge(s.needs(), dropped);
            List<String> dependsOn = bridge(s.dependsOn(), dropped);
            return needs.equals(s.needs()) && dependsOn.equals(s.dependsOn()) ? s
                    : s.toBuilder().needs(needs).dependsOn(dependsOn).build();
        });
    }

    private static List<Step> filter(Formula formula, List<Step> steps, Map<String, String> vars,
            Map<String, List<String>> dropped) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (holds(formula, s, vars)) {
                out.add(s.children().isEmpty() ? s : s.withChildren(filter(formula, s.children(), vars, dropped)));
            } else {
                StepTree.forEach(List.of(s), d -> dropped.put(d.id(), d.prerequisites()));
            }
        }
        return out;
    }

    private static boolean holds(Formula formula, Step step, Map<String, String> vars) {
        StepCondition c = parse(formula, step);
        return c == null || c.holds(vars);
    }

    /** The step's condition, or null when it has none; malformed ones are a SCHEMA error. */
    static StepCondition parse(Formula formula, Step step) {
        try {
            return StepCondition.parse(step.condition());
        } catch (IllegalArgumentException e) {
            throw formula.error(FormulaException.Kind.SCHEMA, step.id(), e.getMessage());
        }
    }

    private static List<String> bridge(List<String> refs, Map<String, List<String>> dropped) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : refs) {
            resolve(r, dropped, out, new LinkedHashSet<>());
        }
        return List.copyOf(out);
    }

    private static void resolve(String ref, Map<String, List<String>> dropped, Set<String> out, Set<String> seen) {
        List<String> instead = dropped.get(ref);
        if (instead == null) {
            out.add(ref);
        } else if (seen.add(ref)) {
            for (String r : instead) {
                resolve(r, dropped, out, seen);
            }
        }
    }
}
