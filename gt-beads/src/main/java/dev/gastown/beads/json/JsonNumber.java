package dev.gastown.beads.json;

/**
 * A JSON number, kept as the text it was written with: Go writes integers and floats in its own shortest form, and
 * reading then re-printing through a Java double would change the bytes.
 */
public record JsonNumber(String text) implements JsonValue {

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    public long longValue() {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            double d = Double.parseDouble(text);
            if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
                throw new JsonException("expected an integer, got " + text);
            }
            return (long) d;
        }
    }

    public double doubleValue() {
        return Double.parseDouble(text);
    }
}
