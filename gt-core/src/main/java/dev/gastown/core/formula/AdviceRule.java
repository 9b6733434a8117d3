package dev.gastown.core.formula;

import java.util.List;
import java.util.Map;

/**
 * An {@code [[advice]]} rule: steps to insert before and after every step whose id matches the glob {@code target}.
 * {@code [advice.before]} / {@code [advice.after]} give one step each, {@code [advice.around]} lists of them.
 */
public record AdviceRule(String target, AdviceStep before, AdviceStep after, List<AdviceStep> aroundBefore,
        List<AdviceStep> aroundAfter) {

    public AdviceRule {
        aroundBefore = aroundBefore == null ? List.of() : List.copyOf(aroundBefore);
        aroundAfter = aroundAfter == null ? List.of() : List.copyOf(aroundAfter);
    }

    /**
     * A step inserted by advice. {@code id}, {@code title} and {@code description} may use {@code {step.id}} and
     * {@code {step.title}}; an empty title becomes the id.
     */
    public record AdviceStep(String id, String title, String description, String type, Map<String, String> args,
            Map<String, String> output) {
        public AdviceStep {
            title = title == null ? "" : title;
            description = description == null ? "" : description;
            type = type == null ? "" : type;
            args = args == null ? Map.of() : Map.copyOf(args);
            output = output == null ? Map.of() : Map.copyOf(output);
        }
    }
}
