package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Walks and rebuilds step trees (steps and their {@code children}; loop bodies are not part of the tree). */
final class StepTree {
    private StepTree() {
    }

    /** Every step, parents before children, in declaration order. */
    static void forEach(List<Step> steps, Consumer<Step> action) {
        for (Step s : steps) {
            action.accept(s);
            forEach(s.children(), action);
        }
    }

    /** All ids in the tree, in {@link #forEach} order. */
    static Set<String> ids(List<Step> steps) {
        Set<String> ids = new LinkedHashSet<>();
        forEach(steps, s -> ids.add(s.id()));
        return ids;
    }

    /** The tree with {@code change} applied to every step (to a parent before its children are visited). */
    static List<Step> map(List<Step> steps, UnaryOperator<Step> change) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            Step changed = change.apply(s);
            if (!changed.children().isEmpty()) {
                changed = changed.withChildren(map(changed.children(), change));
            }
            out.add(changed);
        }
        return out;
    }

    /** Replaces every reference in {@code needs} and {@code depends_on} through {@code renames}. */
    static List<Step> renameReferences(List<Step> steps, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return steps;
        }
        return map(steps, s -> {
            List<String> needs = rename(s.needs(), renames);
            List<String> dependsOn = rename(s.dependsOn(), renames);
            if (needs == s.needs() && dependsOn == s.dependsOn()) {
                return s;
            }
            return s.toBuilder().needs(needs).dependsOn(dependsOn).build();
        });
    }

    private static List<String> rename(List<String> refs, Map<String, String> renames) {
        boolean any = false;
        for (String r : refs) {
            any |= renames.containsKey(r);
        }
        if (!any) {
            return refs;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String r : refs) {
            out.add(renames.getOrDefault(r, r));
        }
        return List.copyOf(out);
    }
}
