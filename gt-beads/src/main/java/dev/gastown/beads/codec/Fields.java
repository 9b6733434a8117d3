package dev.gastown.beads.codec;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonBool;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Typed reads of one member with errors that name it, and the omit-when-empty writes Go's tags ask for. */
final class Fields {
    private Fields() {
    }

    static String string(String key, JsonValue v) {
        if (v == JsonNull.INSTANCE) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw wrong(key, "a string", v);
    }

    /** A Go {@code *string}: null stays null, so that a present empty string can be told apart. */
    static String nullableString(String key, JsonValue v) {
        return v == JsonNull.INSTANCE ? null : string(key, v);
    }

    static long integer(String key, JsonValue v) {
        if (v == JsonNull.INSTANCE) {
            return 0;
        }
        if (v instanceof JsonNumber n) {
            try {
                return n.longValue();
            } catch (RuntimeException e) {
                throw wrong(key, "an integer", v);
            }
        }
        throw wrong(key, "an integer", v);
    }

    static int int32(String key, JsonValue v) {
        long n = integer(key, v);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw wrong(key, "a 32-bit integer", v);
        }
        return (int) n;
    }

    static boolean bool(String key, JsonValue v) {
        if (v == JsonNull.INSTANCE) {
            return false;
        }
        if (v instanceof JsonBool b) {
            return b.value();
        }
        throw wrong(key, "true or false", v);
    }

    static Timestamp timestamp(String key, JsonValue v) {
        if (v == JsonNull.INSTANCE) {
            return null;
        }
        String text = string(key, v);
        try {
            return Timestamp.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IssueFormatException("field \"" + key + "\": " + e.getMessage());
        }
    }

    static JsonObject object(String key, JsonValue v) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw wrong(key, "an object", v);
    }

    static <T> List<T> list(String key, JsonValue v, Function<JsonValue, T> element) {
        if (v == JsonNull.INSTANCE) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw wrong(key, "an array", v);
        }
        List<T> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            try {
                out.add(element.apply(a.get(i)));
            } catch (IssueFormatException e) {
                throw new IssueFormatException("field \"" + key + "\"[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    static JsonValue str(String s) {
        return s == null || s.isEmpty() ? null : new JsonString(s);
    }

    static JsonValue ts(Timestamp t) {
        return t == null ? null : new JsonString(t.text());
    }

    static JsonValue num(long n) {
        return n == 0 ? null : JsonNumber.of(n);
    }

    static JsonValue flag(boolean b) {
        return b ? JsonBool.TRUE : null;
    }

    static JsonValue strings(List<String> items) {
        if (items.isEmpty()) {
            return null;
        }
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    static <T> JsonValue array(List<T> items, Function<T, JsonValue> encode) {
        if (items.isEmpty()) {
            return null;
        }
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(encode.apply(i)));
        return a;
    }

    private static IssueFormatException wrong(String key, String expected, JsonValue got) {
        String shown = got.toJson();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new IssueFormatException("field \"" + key + "\": expected " + expected + ", got " + shown);
    }
}
