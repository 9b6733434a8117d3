package dev.gastown.beads.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A JSON array. Mutable while it is being built; treat arrays from the parser as read-only. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
    private final List<JsonValue> items;

    public JsonArray() {
        this.items = new ArrayList<>();
    }

    public JsonArray(List<? extends JsonValue> items) {
        this.items = new ArrayList<>(items);
    }

    public JsonArray add(JsonValue value) {
        items.add(value);
        return this;
    }

    public JsonArray add(String value) {
        return add(new JsonString(value));
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int index) {
        return items.get(index);
    }

    public List<JsonValue> items() {
        return items;
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return items.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonArray other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
