package dev.gastown.core.formula;

import dev.gastown.beads.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The control-flow parts of {@code [compose]} applied after loops: {@code branch} (each parallel step needs
 * {@code from}, {@code join} needs every parallel step) and {@code gate} (a {@code gate:{"condition":…}} label for the
 * runtime to evaluate).
 */
final class ComposeWiring {
    private ComposeWiring() {
    }

    static List<Step> apply(Formula formula, List<Step> steps) {
        Compose compose = formula.compose();
        if (compose.branch().isEmpty() && compose.gate().isEmpty()) {
            return steps;
        }
        Set<String> ids = StepTree.ids(steps);
        Map<String, UnaryOperator<Step>> changes = new HashMap<>();
        for (int i = 0; i < compose.branch().size(); i++) {
            Compose.BranchRule rule = compose.branch().get(i);
            String where = "compose.branch[" + i + "]";
            require(formula, ids, rule.from(), where + ".from");
            require(formula, ids, rule.join(), where + ".join");
            if (rule.steps().isEmpty()) {
                throw formula.error(FormulaException.Kind.SCHEMA, null, where + ": steps is required");
            }
            for (String parallel : rule.steps()) {
                require(formula, ids, parallel, where + ".steps");
                change(changes, parallel, s -> s.withNeed(rule.from()));
                change(changes, rule.join(), s -> s.withNeed(parallel));
            }
        }
        for (int i = 0; i < compose.gate().size(); i++) {
            Compose.GateRule rule = compose.gate().get(i);
            String where = "compose.gate[" + i + "]";
            require(formula, ids, rule.before(), where + ".before");
            if (rule.condition().isBlank()) {
                throw formula.error(FormulaException.Kind.SCHEMA, rule.before(), where + ": condition is required");
            }
            String label = "gate:" + new JsonObject().put("condition", rule.condition()).toJson();
            change(changes, rule.before(), s -> s.withLabel(label));
        }
        return StepTree.map(steps, s -> {
            UnaryOperator<Step> c = changes.get(s.id());
            return c == null ? s : c.apply(s);
        });
    }

    private static void change(Map<String, UnaryOperator<Step>> changes, String id, UnaryOperator<Step> next) {
        UnaryOperator<Step> before = changes.get(id);
        changes.put(id, before == null ? next : s -> next.apply(before.apply(s)));
    }

    private static void require(Formula formula, Set<String> ids, String id, String where) {
        if (id.isEmpty()) {
            throw formula.error(FormulaException.Kind.SCHEMA, null, where + " is required");
        }
        if (!ids.contains(id)) {
            throw formula.error(FormulaException.Kind.UNKNOWN_REFERENCE, id, where + " names no step");
        }
    }
}
