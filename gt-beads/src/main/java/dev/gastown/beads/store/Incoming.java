package dev.gastown.beads.store;

import dev.gastown.beads.model.DependencyType;

/** An edge seen from its target: {@code sourceId} depends on the issue through an edge of {@code type}. */
public record Incoming(String sourceId, DependencyType type) {
}
