package dev.gastown.beads.json;

/**
 * A strict RFC 8259 parser with Go's decoding rules: control characters inside strings are errors, unpaired
 * surrogate escapes decode to U+FFFD, and nothing but whitespace may follow the value. Errors carry the 1-based
 * column where parsing stopped.
 */
public final class JsonParser {
    private static final int MAX_DEPTH = 10_000;

    private final String text;
    private int pos;
    private int depth;

    private JsonParser(String text) {
        this.text = text;
    }

    public static JsonValue parse(String text) {
        JsonParser p = new JsonParser(text);
        p.skipWhitespace();
        JsonValue value = p.readValue();
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected text after the value");
        }
        return value;
    }

    public static JsonObject parseObject(String text) {
        JsonValue v = parse(text);
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new JsonException("expected a JSON object", 1);
    }

    private JsonValue readValue() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> new JsonString(readString());
            case 't' -> literal("true", JsonBool.TRUE);
            case 'f' -> literal("false", JsonBool.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private JsonObject readObject() {
        enter();
        pos++;
        JsonObject obj = new JsonObject();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return obj;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a quoted object key");
            }
            String key = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            obj.put(key, readValue());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return obj;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private JsonArray readArray() {
        enter();
        pos++;
        JsonArray arr = new JsonArray();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return arr;
        }
        while (true) {
            skipWhitespace();
            arr.add(readValue());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return arr;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String readString() {
        int start = ++pos;
        int n = text.length();
        // Fast path: no escapes, no control characters.
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < n) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= n) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> appendUnicodeEscape(sb);
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + printable(e) + "'");
                }
            }
        }
        throw error("unterminated string");
    }

    private void appendUnicodeEscape(StringBuilder sb) {
        char c = (char) hex4();
        if (Character.isHighSurrogate(c)) {
            if (pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
                int save = pos;
                pos += 2;
                char low = (char) hex4();
                if (Character.isLowSurrogate(low)) {
                    sb.append(c).append(low);
                    return;
                }
                pos = save;
            }
            sb.append('\uFFFD');
        } else if (Character.isLowSurrogate(c)) {
            sb.append('\uFFFD');
        } else {
            sb.append(c);
        }
    }

    private int hex4() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                pos--;
                throw error("invalid hex digit in \\u escape");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    private JsonNumber readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting too deep");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonException error(String message) {
        return new JsonException(message, pos + 1);
    }
}
