package dev.gastown.beads.mol;

import dev.gastown.beads.model.DependencyType;
import java.util.Objects;

/**
 * {@code from} depends on {@code to} (both template keys). {@code metadata} is the dependency's JSON metadata string,
 * e.g. {@code {"gate":"all-children"}} on a waits-for edge, or empty.
 */
public record TemplateEdge(String from, String to, DependencyType type, String metadata) {
    public TemplateEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        metadata = metadata == null ? "" : metadata;
    }
}
