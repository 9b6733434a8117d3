package dev.gastown.beads.codec;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.UnknownField;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a JSON object whose known keys come in a fixed order, with each unknown key put back right after the slot
 * of the known key it followed when read. Call {@link #slot} once per known key, in order, even for absent values.
 */
final class OrderedWriter {
    private final JsonObject out = new JsonObject();
    private final List<UnknownField> unknown;
    private int next; // index of the next unknown field to place

    OrderedWriter(List<UnknownField> unknown) {
        this.unknown = isAnchorOrdered(unknown)
                ? unknown
                : unknown.stream().sorted(Comparator.comparingInt(UnknownField::anchor)).toList();
        flushAnchoredAt(-1);
    }

    /** Writes known key number {@code index} when {@code value} is not null, then the unknown keys after it. */
    OrderedWriter slot(int index, String key, JsonValue value) {
        if (value != null) {
            out.put(key, value);
        }
        flushAnchoredAt(index);
        return this;
    }

    JsonObject finish() {
        while (next < unknown.size()) {
            UnknownField f = unknown.get(next++);
            out.put(f.key(), f.value());
        }
        return out;
    }

    private static boolean isAnchorOrdered(List<UnknownField> fields) {
        for (int i = 1; i < fields.size(); i++) {
            if (fields.get(i).anchor() < fields.get(i - 1).anchor()) {
                return false;
            }
        }
        return true;
    }

    private void flushAnchoredAt(int index) {
        while (next < unknown.size() && unknown.get(next).anchor() <= index) {
            UnknownField f = unknown.get(next++);
            out.put(f.key(), f.value());
        }
    }
}
