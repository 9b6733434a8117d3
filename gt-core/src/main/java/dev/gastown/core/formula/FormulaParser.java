package dev.gastown.core.formula;

import com.moandjiezana.toml.Toml;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonBool;
import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code *.formula.toml} (with toml4j) and legacy {@code *.formula.json} files into {@link Formula}s. */
public final class FormulaParser {
    /** File name endings, in lookup order: TOML is preferred when both exist. */
    public static final List<String> EXTENSIONS = List.of(".formula.toml", ".formula.json");

    private static final Pattern TOML_LINE = Pattern.compile("line (\\d+)");

    private FormulaParser() {
    }

    /** Parses the file; its format is chosen by the name ({@code .json} or else TOML). */
    public static Formula parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FormulaException(FormulaException.Kind.IO, file.toString(), 0, null,
                    "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses formula text; {@code location} names it in errors, and its ending picks JSON or TOML. */
    public static Formula parse(String text, String location) {
        FormulaSource source = new FormulaSource(location, text);
        Map<String, Object> root = location.endsWith(".json") ? readJson(text, location) : readToml(text, location);
        return FormulaDecoder.decode(root, source);
    }

    private static Map<String, Object> readToml(String text, String location) {
        try {
            return new Toml().read(text).toMap();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            Matcher m = TOML_LINE.matcher(message);
            int line = m.find() ? Integer.parseInt(m.group(1)) : 0;
            throw new FormulaException(FormulaException.Kind.SYNTAX, location, line, null,
                    "invalid TOML: " + message, e);
        }
    }

    private static Map<String, Object> readJson(String text, String location) {
        try {
            JsonValue value = JsonParser.parse(text);
            if (!(value instanceof JsonObject)) {
                throw new FormulaException(FormulaException.Kind.SYNTAX, location, 1, null,
                        "invalid JSON: the formula must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) plain(value);
            return root;
        } catch (JsonException e) {
            throw new FormulaException(FormulaException.Kind.SYNTAX, location, lineAt(text, e.column() - 1), null,
                    "invalid JSON: " + e.getMessage(), e);
        }
    }

    /** The 1-based line of character {@code offset}, or 0 when the offset is unknown. */
    private static int lineAt(String text, int offset) {
        if (offset < 0) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** JSON values in the shapes toml4j produces: maps, lists, String, Long, Double, Boolean (null for null). */
    private static Object plain(JsonValue value) {
        if (value instanceof JsonObject o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.entries()) {
                Object v = plain(e.getValue());
                if (v != null) {
                    map.put(e.getKey(), v);
                }
            }
            return map;
        }
        if (value instanceof JsonArray a) {
            List<Object> list = new ArrayList<>(a.size());
            for (JsonValue item : a) {
                list.add(plain(item));
            }
            return list;
        }
        if (value instanceof JsonString s) {
            return s.value();
        }
        if (value instanceof JsonBool b) {
            return b.value();
        }
        if (value instanceof JsonNumber n) {
            String t = n.text();
            return t.contains(".") || t.contains("e") || t.contains("E") ? (Object) n.doubleValue() : n.longValue();
        }
        return null;
    }
}
