package dev.gastown.beads.json;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A JSON object that keeps its members in insertion order. A repeated key keeps its first position, last value. */
public final class JsonObject implements JsonValue {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    public JsonObject put(String key, JsonValue value) {
        members.put(key, value);
        return this;
    }

    public JsonObject put(String key, String value) {
        return put(key, new JsonString(value));
    }

    public JsonObject put(String key, long value) {
        return put(key, JsonNumber.of(value));
    }

    public JsonObject put(String key, boolean value) {
        return put(key, JsonBool.of(value));
    }

    /** Puts the string only when it is not empty: Go's {@code omitempty}. */
    public JsonObject putIfNotEmpty(String key, String value) {
        if (value != null && !value.isEmpty()) {
            put(key, value);
        }
        return this;
    }

    public JsonValue get(String key) {
        return members.get(key);
    }

    public Optional<JsonValue> find(String key) {
        return Optional.ofNullable(members.get(key));
    }

    /** The string member, or {@code ""} when it is absent or null. */
    public String string(String key) {
        JsonValue v = members.get(key);
        return v == null || v == JsonNull.INSTANCE ? "" : v.asString();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public JsonValue remove(String key) {
        return members.remove(key);
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public Set<Map.Entry<String, JsonValue>> entries() {
        return members.entrySet();
    }

    public Collection<JsonValue> values() {
        return members.values();
    }

    public int size() {
        return members.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
