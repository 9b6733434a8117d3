package dev.gastown.core.formula;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a resolved formula's steps as written, before cooking changes them: ids are unique across the tree;
 * {@code needs} / {@code depends_on} name existing steps (inside a loop body, also the body's own steps);
 * {@code waits_for}, {@code condition}, {@code gate} and {@code on_complete} are well formed.
 */
final class StepValidator {
    private final Formula formula;

    private StepValidator(Formula formula) {
        this.formula = formula;
    }

    static void validate(Formula formula) {
        StepValidator v = new StepValidator(formula);
        Map<String, String> locations = new HashMap<>();
        v.collectIds(formula.steps(), locations);
        v.checkSteps(formula.steps(), locations.keySet());
    }

    private void collectIds(List<Step> steps, Map<String, String> locations) {
        StepTree.forEach(steps, s -> {
            String first = locations.putIfAbsent(s.id(), s.sourceLocation());
            if (first != null) {
                throw formula.error(FormulaException.Kind.DUPLICATE_STEP, s.id(),
                        "duplicate id (first defined at " + first + ")");
            }
        });
    }

    private void checkSteps(List<Step> steps, Set<String> visible) {
        StepTree.forEach(steps, s -> {
            checkReferences(s, s.needs(), "needs", visible);
            checkReferences(s, s.dependsOn(), "depends_on", visible);
            checkWaitsFor(s, visible);
            ConditionFilter.parse(formula, s);
            checkGate(s);
            checkOnComplete(s);
            if (s.loop() != null) {
                Map<String, String> bodyIds = new HashMap<>();
                collectIds(s.loop().body(), bodyIds);
                Set<String> inBody = new HashSet<>(visible);
                inBody.addAll(bodyIds.keySet());
                checkSteps(s.loop().body(), inBody);
            }
        });
    }

    private void checkReferences(Step s, List<String> refs, String field, Set<String> visible) {
        for (String ref : refs) {
            if (!visible.contains(ref)) {
                throw formula.error(FormulaException.Kind.UNKNOWN_REFERENCE, s.id(),
                        field + " references unknown step \"" + ref + "\"");
            }
        }
    }

    private void checkWaitsFor(Step s, Set<String> visible) {
        if (s.waitsFor().isEmpty()) {
            return;
        }
        WaitsFor w = WaitsFor.parse(s.waitsFor());
        if (w == null) {
            throw formula.error(FormulaException.Kind.SCHEMA, s.id(), "waits_for has invalid value \"" + s.waitsFor()
                    + "\" (must be all-children, any-children or children-of(<step>))");
        }
        if (!w.spawner().isEmpty() && !visible.contains(w.spawner())) {
            throw formula.error(FormulaException.Kind.UNKNOWN_REFERENCE, s.id(),
                    "waits_for references unknown step \"" + w.spawner() + "\"");
        }
    }

    private void checkGate(Step s) {
        if (s.gate() == null) {
            return;
        }
        if (s.gate().type().isEmpty()) {
            throw formula.error(FormulaException.Kind.SCHEMA, s.id(), "gate type is required");
        }
        if (!s.gate().timeout().isEmpty()) {
            try {
                GoDuration.parseNanos(s.gate().timeout());
            } catch (IllegalArgumentException e) {
                throw formula.error(FormulaException.Kind.SCHEMA, s.id(), "gate timeout: " + e.getMessage());
            }
        }
    }

    private void checkOnComplete(Step s) {
        OnComplete oc = s.onComplete();
        if (oc == null) {
            return;
        }
        String problem = null;
        if (oc.forEach().isEmpty() != oc.bond().isEmpty()) {
            problem = "on_complete needs both for_each and bond, or neither";
        } else if (!oc.forEach().isEmpty() && !oc.forEach().startsWith("output.")) {
            problem = "on_complete.for_each must start with \"output.\" (got \"" + oc.forEach() + "\")";
        } else if (oc.parallel() && oc.sequential()) {
            problem = "on_complete cannot be both parallel and sequential";
        }
        if (problem != null) {
            throw formula.error(FormulaException.Kind.SCHEMA, s.id(), problem);
        }
    }
}
