package dev.gastown.beads.json;

import java.util.Map;

/**
 * Writes JSON exactly as Go's {@code encoding/json} does with its defaults: HTML escaping on (the characters
 * {@code < > &} become six-character unicode escapes), U+2028 and U+2029 escaped, other control characters as short
 * escapes or lowercase unicode escapes, unpaired surrogates as an escaped U+FFFD. {@link #indented} follows
 * {@code json.MarshalIndent(v, "", "  ")}: empty arrays and objects stay on one line.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {
    }

    public static String compact(JsonValue value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value, -1);
        return sb.toString();
    }

    /** Two-space indented, with a trailing newline, as {@code bd --json} prints. */
    public static String indented(JsonValue value) {
        StringBuilder sb = new StringBuilder(1024);
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    public static void writeCompact(StringBuilder sb, JsonValue value) {
        write(sb, value, -1);
    }

    private static void write(StringBuilder sb, JsonValue value, int indent) {
        if (value instanceof JsonString s) {
            string(sb, s.value());
        } else if (value instanceof JsonNumber n) {
            sb.append(n.text());
        } else if (value instanceof JsonBool b) {
            sb.append(b.value());
        } else if (value instanceof JsonObject o) {
            object(sb, o, indent);
        } else if (value instanceof JsonArray a) {
            array(sb, a, indent);
        } else {
            sb.append("null");
        }
    }

    private static void object(StringBuilder sb, JsonObject o, int indent) {
        if (o.size() == 0) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : o.entries()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, indent, indent + 1);
            string(sb, e.getKey());
            sb.append(':');
            if (indent >= 0) {
                sb.append(' ');
            }
            write(sb, e.getValue(), indent < 0 ? -1 : indent + 1);
        }
        newline(sb, indent, indent);
        sb.append('}');
    }

    private static void array(StringBuilder sb, JsonArray a, int indent) {
        if (a.size() == 0) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            newline(sb, indent, indent + 1);
            write(sb, a.get(i), indent < 0 ? -1 : indent + 1);
        }
        newline(sb, indent, indent);
        sb.append(']');
    }

    /** Starts a new line at {@code level}; a no-op in compact mode, where the enclosing indent is negative. */
    private static void newline(StringBuilder sb, int enclosing, int level) {
        if (enclosing < 0) {
            return;
        }
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    /** Appends {@code s} as a quoted, Go-escaped JSON string. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int clean = 0; // start of the run not yet copied
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') {
                    continue;
                }
                sb.append(s, clean, i);
                escape(sb, c);
            } else if (c == 0x2028 || c == 0x2029) {
                sb.append(s, clean, i);
                escape(sb, c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                sb.append(s, clean, i).append("\\ufffd");
            } else {
                continue;
            }
            clean = i + 1;
        }
        sb.append(s, clean, n).append('"');
    }

    private static void escape(StringBuilder sb, char c) {
        switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            default -> sb.append("\\u")
                    .append(HEX[(c >> 12) & 0xf])
                    .append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf])
                    .append(HEX[c & 0xf]);
        }
    }
}
