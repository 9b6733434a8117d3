package dev.gastown.beads.json;

/** The JSON {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE
}
