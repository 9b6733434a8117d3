package dev.gastown.beads.model;

import dev.gastown.beads.json.JsonNumber;
import java.util.List;

/**
 * A validator's verdict: outcome is accepted, rejected or revision_requested. {@code validator} may be null (Go
 * writes {@code null}); {@code score} keeps its number text, or is null when absent.
 */
public record Validation(
        EntityRef validator, String outcome, Timestamp timestamp, JsonNumber score, List<UnknownField> unknown) {
    public static final List<String> KEYS = List.of("validator", "outcome", "timestamp", "score");

    public Validation {
        outcome = outcome == null ? "" : outcome;
        timestamp = timestamp == null ? Timestamp.ZERO : timestamp;
        unknown = List.copyOf(unknown);
    }
}
