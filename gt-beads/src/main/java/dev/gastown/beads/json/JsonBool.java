package dev.gastown.beads.json;

/** {@code true} or {@code false}. */
public record JsonBool(boolean value) implements JsonValue {
    public static final JsonBool TRUE = new JsonBool(true);
    public static final JsonBool FALSE = new JsonBool(false);

    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
