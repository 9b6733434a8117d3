package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies expansion formulas: a step's own {@code expand}, then {@code compose.expand} rules, then
 * {@code compose.map} rules. The expansion's {@code [[template]]} replaces the target step: {@code {target}},
 * {@code {target.id}}, {@code {target.title}}, {@code {target.description}} and {@code {var}} (the expansion's var
 * defaults, overridden by the rule's vars) are substituted. Steps that needed the target need the last expanded step
 * instead; the first expanded step does not inherit the target's needs, and the target's children are dropped.
 *
 * <p>Map rules run in declaration order, each over the steps in tree order (parents first), so the result is
 * deterministic.
 */
final class Expander {
    /** How deep expansions may nest (template children, expansions inside expansions). */
    static final int MAX_DEPTH = 5;

    private final Formula formula;
    private final FormulaLibrary library;

    Expander(Formula formula, FormulaLibrary library) {
        this.formula = formula;
        this.library = library;
    }

    /** Replaces every step that has {@code expand = "<expansion>"}. */
    List<Step> applyInline(List<Step> steps) {
        return applyInline(steps, 0);
    }

    private List<Step> applyInline(List<Step> steps, int depth) {
        List<Step> current = steps;
        Step target;
        while ((target = firstWithExpand(current)) != null) {
            if (depth > MAX_DEPTH) {
                throw formula.error(FormulaException.Kind.SCHEMA, target.id(),
                        "expansions nest deeper than " + MAX_DEPTH + " levels");
            }
            Formula expansion = loadExpansion(target.expand(), target.id(), "expand");
            List<Step> expanded = applyInline(instantiate(expansion, target, target.expandVars(), 0), depth + 1);
            current = replace(current, target, expanded);
        }
        return current;
    }

    private static Step firstWithExpand(List<Step> steps) {
        for (Step s : steps) {
            if (!s.expand().isEmpty()) {
                return s;
            }
            Step inChildren = firstWithExpand(s.children());
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    /** Applies {@code compose.expand}, then {@code compose.map}. */
    List<Step> applyCompose(List<Step> steps) {
        Compose compose = formula.compose();
        Set<String> expanded = new HashSet<>();
        List<Step> current = steps;
        for (int i = 0; i < compose.expand().size(); i++) {
            Compose.ExpandRule rule = compose.expand().get(i);
            if (expanded.contains(rule.target())) {
                continue;
            }
            Step target = find(current, rule.target());
            if (target == null) {
                throw formula.error(FormulaException.Kind.UNKNOWN_REFERENCE, rule.target(),
                        "compose.expand[" + i + "].target names no step");
            }
            Formula expansion = loadExpansion(rule.with(), rule.target(), "compose.expand[" + i + "]");
            current = replace(current, target, instantiate(expansion, target, rule.vars(), 0));
            expanded.add(rule.target());
        }
        for (int i = 0; i < compose.map().size(); i++) {
            Compose.MapRule rule = compose.map().get(i);
            Glob select = Glob.compile(rule.select());
            Formula expansion = loadExpansion(rule.with(), null, "compose.map[" + i + "]");
            List<Step> matches = new ArrayList<>();
            StepTree.forEach(current, s -> {
                if (select.matches(s.id()) && !expanded.contains(s.id())) {
                    matches.add(s);
                }
            });
            for (Step target : matches) {
                current = replace(current, target, instantiate(expansion, target, rule.vars(), 0));
                expanded.add(target.id());
            }
        }
        return current;
    }

    private Formula loadExpansion(String name, String stepId, String where) {
        Formula expansion = library.load(name);
        if (expansion.type() != FormulaType.EXPANSION) {
            throw formula.error(FormulaException.Kind.WRONG_TYPE, stepId,
                    where + ": " + name + " is not an expansion formula (type " + expansion.type().id() + ")");
        }
        if (expansion.template().isEmpty()) {
            throw formula.error(FormulaException.Kind.SCHEMA, stepId, where + ": " + name + " has no template steps");
        }
        return expansion;
    }

    /** The expansion's template instantiated for {@code target}. */
    static List<Step> instantiate(Formula expansion, Step target, Map<String, String> overrides, int depth) {
        Map<String, String> values = new LinkedHashMap<>();
        expansion.vars().forEach((name, def) -> {
            if (def.hasDefault()) {
                values.put(name, def.defaultValue());
            }
        });
        values.putAll(overrides);
        values.put("target", target.id());
        values.put("target.id", target.id());
        values.put("target.title", target.title());
        values.put("target.description", target.description());
        return instantiate(expansion, expansion.template(), values, depth);
    }

    private static List<Step> instantiate(Formula expansion, List<Step> template, Map<String, String> values,
            int depth) {
        if (depth > MAX_DEPTH) {
            throw expansion.error(FormulaException.Kind.SCHEMA, null,
                    "template children nest deeper than " + MAX_DEPTH + " levels");
        }
        List<Step> out = new ArrayList<>(template.size());
        for (Step t : template) {
            out.add(t.toBuilder()
                    .id(sub(t.id(), values))
                    .title(sub(t.title(), values))
                    .description(sub(t.description(), values))
                    .notes(sub(t.notes(), values))
                    .acceptance(sub(t.acceptance(), values))
                    .labels(t.labels().stream().map(l -> sub(l, values)).toList())
                    .needs(t.needs().stream().map(n -> sub(n, values)).toList())
                    .dependsOn(t.dependsOn().stream().map(d -> sub(d, values)).toList())
                    .children(instantiate(expansion, t.children(), values, depth + 1))
                    .sourceFormula(expansion.name())
                    .build());
        }
        return out;
    }

    private static String sub(String text, Map<String, String> values) {
        return PlaceholderText.substitute(text, values);
    }

    private static Step find(List<Step> steps, String id) {
        for (Step s : steps) {
            if (s.id().equals(id)) {
                return s;
            }
            Step inChildren = find(s.children(), id);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }

    /** {@code target} replaced in place by {@code replacement}; references to it now point at the last new step. */
    private static List<Step> replace(List<Step> steps, Step target, List<Step> replacement) {
        List<Step> replaced = splice(steps, target.id(), replacement);
        return StepTree.renameReferences(replaced,
                Map.of(target.id(), replacement.get(replacement.size() - 1).id()));
    }

    private static List<Step> splice(List<Step> steps, String targetId, List<Step> replacement) {
        List<Step> out = new ArrayList<>(steps.size() + replacement.size());
        for (Step s : steps) {
            if (s.id().equals(targetId)) {
                out.addAll(replacement);
            } else if (!s.children().isEmpty()) {
                out.add(s.withChildren(splice(s.children(), targetId, replacement)));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
