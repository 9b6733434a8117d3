package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code [[steps]]} entry (also a {@code [[template]]} entry, a loop body step, or a child). Ids are unique across
 * the whole step tree. {@code needs} and {@code dependsOn} both become {@code blocks} dependencies; {@code type} is
 * kept as written ({@code task}, {@code bug}, {@code parallel}...), {@code priority} is null when not given (cooked as
 * 2). {@code sourceFormula} / {@code sourceLocation} trace where the step was defined ({@code steps[2].children[0]}).
 */
public record Step(
        String id,
        String title,
        String description,
        String notes,
        String acceptance,
        String type,
        Integer priority,
        List<String> labels,
        List<String> needs,
        List<String> dependsOn,
        String waitsFor,
        String assignee,
        String expand,
        Map<String, String> expandVars,
        String condition,
        List<Step> children,
        StepGate gate,
        LoopSpec loop,
        OnComplete onComplete,
        String sourceFormula,
        String sourceLocation) {

    public Step {
        id = orEmpty(id);
        title = orEmpty(title);
        description = orEmpty(description);
        notes = orEmpty(notes);
        acceptance = orEmpty(acceptance);
        type = orEmpty(type);
        labels = labels == null ? List.of() : List.copyOf(labels);
        needs = needs == null ? List.of() : List.copyOf(needs);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        waitsFor = orEmpty(waitsFor);
        assignee = orEmpty(assignee);
        expand = orEmpty(expand);
        expandVars = expandVars == null ? Map.of() : Map.copyOf(expandVars);
        condition = orEmpty(condition);
        children = children == null ? List.of() : List.copyOf(children);
        sourceFormula = orEmpty(sourceFormula);
        sourceLocation = orEmpty(sourceLocation);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Everything this step waits for through {@code blocks} edges: {@code needs}, then {@code depends_on}. */
    public List<String> prerequisites() {
        if (dependsOn.isEmpty()) {
            return needs;
        }
        List<String> all = new ArrayList<>(needs);
        for (String d : dependsOn) {
            if (!all.contains(d)) {
                all.add(d);
            }
        }
        return all;
    }

    /** A copy that also needs {@code stepId} (no-op when it already does). */
    public Step withNeed(String stepId) {
        if (needs.contains(stepId)) {
            return this;
        }
        List<String> more = new ArrayList<>(needs.size() + 1);
        more.addAll(needs);
        more.add(stepId);
        return toBuilder().needs(more).build();
    }

    public Step withLabel(String label) {
        if (labels.contains(label)) {
            return this;
        }
        List<String> more = new ArrayList<>(labels);
        more.add(label);
        return toBuilder().labels(more).build();
    }

    public Step withChildren(List<Step> newChildren) {
        return toBuilder().children(newChildren).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).title(title).description(description).notes(notes).acceptance(acceptance)
                .type(type).priority(priority).labels(labels).needs(needs).dependsOn(dependsOn).waitsFor(waitsFor)
                .assignee(assignee).expand(expand).expandVars(expandVars).condition(condition).children(children)
                .gate(gate).loop(loop).onComplete(onComplete).sourceFormula(sourceFormula)
                .sourceLocation(sourceLocation);
    }

    /** Builds a {@link Step}; unset fields are empty. */
    public static final class Builder {
        private String id;
        private String title;
        private String description;
        private String notes;
        private String acceptance;
        private String type;
        private Integer priority;
        private List<String> labels;
        private List<String> needs;
        private List<String> dependsOn;
        private String waitsFor;
        private String assignee;
        private String expand;
        private Map<String, String> expandVars;
        private String condition;
        private List<Step> children;
        private StepGate gate;
        private LoopSpec loop;
        private OnComplete onComplete;
        private String sourceFormula;
        private String sourceLocation;

        private Builder() {
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder notes(String v) {
            notes = v;
            return this;
        }

        public Builder acceptance(String v) {
            acceptance = v;
            return this;
        }

        public Builder type(String v) {
            type = v;
            return this;
        }

        public Builder priority(Integer v) {
            priority = v;
            return this;
        }

        public Builder labels(List<String> v) {
            labels = v;
            return this;
        }

        public Builder needs(List<String> v) {
            needs = v;
            return this;
        }

        public Builder dependsOn(List<String> v) {
            dependsOn = v;
            return this;
        }

        public Builder waitsFor(String v) {
            waitsFor = v;
            return this;
        }

        public Builder assignee(String v) {
            assignee = v;
            return this;
        }

        public Builder expand(String v) {
            expand = v;
            return this;
        }

        public Builder expandVars(Map<String, String> v) {
            expandVars = v;
            return this;
        }

        public Builder condition(String v) {
            condition = v;
            return this;
        }

        public Builder children(List<Step> v) {
            children = v;
            return this;
        }

        public Builder gate(StepGate v) {
            gate = v;
            return this;
        }

        public Builder loop(LoopSpec v) {
            loop = v;
            return this;
        }

        public Builder onComplete(OnComplete v) {
            onComplete = v;
            return this;
        }

        public Builder sourceFormula(String v) {
            sourceFormula = v;
            return this;
        }

        public Builder sourceLocation(String v) {
            sourceLocation = v;
            return this;
        }

        public Step build() {
            return new Step(id, title, description, notes, acceptance, type, priority, labels, needs, dependsOn,
                    waitsFor, assignee, expand, expandVars, condition, children, gate, loop, onComplete,
                    sourceFormula, sourceLocation);
        }
    }
}
