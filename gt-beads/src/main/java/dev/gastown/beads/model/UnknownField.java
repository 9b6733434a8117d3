package dev.gastown.beads.model;

import dev.gastown.beads.json.JsonValue;

/**
 * A key this version does not know, kept so that a newer writer's data survives a read-modify-write. {@code anchor}
 * is the position (in the record's known key order) of the last known key that preceded it when it was read, or -1
 * when it came first; it is written back right after that key's slot, so an untouched line keeps its bytes.
 */
public record UnknownField(int anchor, String key, JsonValue value) {
}
