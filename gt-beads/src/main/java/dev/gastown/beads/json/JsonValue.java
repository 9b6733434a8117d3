package dev.gastown.beads.json;

/**
 * A parsed JSON value. Numbers keep the exact text they were written with, and objects keep their key order, so a
 * value read from a file can be written back byte for byte.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

    /** The value as written by {@link JsonWriter#compact}. */
    default String toJson() {
        return JsonWriter.compact(this);
    }

    default String asString() {
        if (this instanceof JsonString s) {
            return s.value();
        }
        throw new JsonException("expected a string, got " + toJson());
    }

    default JsonObject asObject() {
        if (this instanceof JsonObject o) {
            return o;
        }
        throw new JsonException("expected an object, got " + toJson());
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray a) {
            return a;
        }
        throw new JsonException("expected an array, got " + toJson());
    }

    default long asLong() {
        if (this instanceof JsonNumber n) {
            return n.longValue();
        }
        throw new JsonException("expected a number, got " + toJson());
    }

    default boolean asBoolean() {
        if (this instanceof JsonBool b) {
            return b.value();
        }
        throw new JsonException("expected true or false, got " + toJson());
    }
}
