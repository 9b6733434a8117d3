package dev.gastown.beads.mol;

import dev.gastown.beads.model.IssueType;
import java.util.List;
import java.util.Objects;

/**
 * One issue-to-be of a template. {@code key} is the step id within the formula ({@code design},
 * {@code moves.iter3.move}, {@code implement.gate-review}); {@code sourceLocation} says where in the formula it came
 * from ({@code steps[2]}, {@code advice[0].after}). A gate step carries its await fields in {@code gate}.
 */
public record TemplateNode(
        String key,
        String title,
        String description,
        String design,
        String acceptanceCriteria,
        String notes,
        IssueType type,
        int priority,
        List<String> labels,
        String assignee,
        Integer estimatedMinutes,
        String sourceFormula,
        String sourceLocation,
        GateSpec gate) {

    public TemplateNode {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        design = design == null ? "" : design;
        acceptanceCriteria = acceptanceCriteria == null ? "" : acceptanceCriteria;
        notes = notes == null ? "" : notes;
        labels = labels == null ? List.of() : List.copyOf(labels);
        assignee = assignee == null ? "" : assignee;
        sourceFormula = sourceFormula == null ? "" : sourceFormula;
        sourceLocation = sourceLocation == null ? "" : sourceLocation;
    }

    /** A plain task step with a title and description. */
    public static TemplateNode task(String key, String title, String description) {
        return new TemplateNode(key, title, description, "", "", "", IssueType.TASK, 2, List.of(), "", null, "", "",
                null);
    }

    /** Await fields of a gate issue: {@code awaitType} is gh:run, gh:pr, timer, human or mail. */
    public record GateSpec(String awaitType, String awaitId, long timeoutNanos) {
    }
}
