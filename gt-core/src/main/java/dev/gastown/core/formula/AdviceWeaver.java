package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Weaves {@code [[advice]]} into steps. For each step that existed before weaving and matches a rule's target, the
 * rule's before-steps are inserted ahead of it and its after-steps behind it. Before-steps are chained and the target
 * then needs the last one, but the first before-step needs nothing (it is ready at once); the first after-step needs
 * the target and the rest are chained. Steps that needed the target keep needing the target, not the after-steps.
 * {@code {step.id}} and {@code {step.title}} in an advice step refer to the target.
 */
final class AdviceWeaver {
    private final List<AdviceRule> rules;
    private final List<Glob> targets;

    AdviceWeaver(List<AdviceRule> rules) {
        this.rules = rules;
        this.targets = rules.stream().map(r -> Glob.compile(r.target())).toList();
    }

    List<Step> weave(List<Step> steps) {
        if (rules.isEmpty()) {
            return steps;
        }
        return weave(steps, StepTree.ids(steps));
    }

    private List<Step> weave(List<Step> steps, Set<String> original) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step step : steps) {
            Step target = step.children().isEmpty() ? step : step.withChildren(weave(step.children(), original));
            if (!original.contains(step.id())) {
                out.add(target);
                continue;
            }
            List<Step> before = new ArrayList<>();
            List<Step> after = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (targets.get(i).matches(step.id())) {
                    collect(rules.get(i), "advice[" + i + "]", step, before, after);
                }
            }
            for (int i = 1; i < before.size(); i++) {
                before.set(i, before.get(i).withNeed(before.get(i - 1).id()));
            }
            out.addAll(before);
            out.add(before.isEmpty() ? target : target.withNeed(before.get(before.size() - 1).id()));
            for (int i = 0; i < after.size(); i++) {
                after.set(i, after.get(i).withNeed(i == 0 ? step.id() : after.get(i - 1).id()));
            }
            out.addAll(after);
        }
        return out;
    }

    private static void collect(AdviceRule rule, String where, Step target, List<Step> before, List<Step> after) {
        if (rule.before() != null) {
            before.add(toStep(rule.before(), target, where + ".before"));
        }
        for (int j = 0; j < rule.aroundBefore().size(); j++) {
            before.add(toStep(rule.aroundBefore().get(j), target, where + ".around.before[" + j + "]"));
        }
        if (rule.after() != null) {
            after.add(toStep(rule.after(), target, where + ".after"));
        }
        for (int j = 0; j < rule.aroundAfter().size(); j++) {
            after.add(toStep(rule.aroundAfter().get(j), target, where + ".around.after[" + j + "]"));
        }
    }

    private static Step toStep(AdviceRule.AdviceStep a, Step target, String location) {
        String id = refer(a.id(), target);
        String title = refer(a.title(), target);
        return Step.builder()
                .id(id)
                .title(title.isEmpty() ? id : title)
                .description(refer(a.description(), target))
                .type(a.type())
                .sourceFormula(target.sourceFormula())
                .sourceLocation(location)
                .build();
    }

    private static String refer(String text, Step target) {
        return text.replace("{step.id}", target.id()).replace("{step.title}", target.title());
    }
}
