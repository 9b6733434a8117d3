package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A decoded TOML or JSON table with typed getters. Keys are matched ignoring case and underscores, so
 * {@code depends_on}, {@code dependsOn} and {@code DependsOn} are the same key (beads read both spellings over its
 * history). A value of the wrong type is a {@link FormulaException} naming the table path and the step.
 */
final class RawTable {
    private final Map<String, Object> values;
    private final Map<String, String> keysByNormalName;
    private final String path;
    private final String stepId;
    private final FormulaSource source;

    RawTable(Map<String, Object> values, String path, String stepId, FormulaSource source) {
        this.values = values;
        this.path = path;
        this.stepId = stepId;
        this.source = source;
        this.keysByNormalName = new HashMap<>();
        for (String key : values.keySet()) {
            String previous = keysByNormalName.put(normalize(key), key);
            if (previous != null) {
                throw error(null, "keys \"" + previous + "\" and \"" + key + "\" are the same field; keep one");
            }
        }
    }

    private static String normalize(String key) {
        return key.replace("_", "").toLowerCase(Locale.ROOT);
    }

    String path() {
        return path;
    }

    /** The same table, with errors reported against step {@code id}. */
    RawTable forStep(String id) {
        return new RawTable(values, path, id, source);
    }

    private Object raw(String key) {
        String actual = keysByNormalName.get(normalize(key));
        return actual == null ? null : values.get(actual);
    }

    /** The string value, or {@code ""} when absent. */
    String string(String key) {
        Object v = raw(key);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        throw typeError(key, "a string", v);
    }

    /** A scalar (string, number or boolean) as text, or null when absent: lenient for defaults written as numbers. */
    String scalarOrNull(String key) {
        Object v = raw(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        }
        throw typeError(key, "a string, number or boolean", v);
    }

    Integer integerOrNull(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw typeError(key, "an integer", v);
    }

    boolean bool(String key) {
        Object v = raw(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw typeError(key, "true or false", v);
    }

    List<String> strings(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw typeError(key, "an array of strings", v);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw typeError(key, "an array of strings", v);
            }
            out.add(s);
        }
        return out;
    }

    /** A table of string values (numbers and booleans are turned into text). */
    Map<String, String> stringMap(String key) {
        RawTable t = table(key);
        if (t == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : t.values.keySet()) {
            out.put(k, t.scalarOrNull(k));
        }
        return out;
    }

    /** The sub-table, or null when absent. */
    RawTable table(String key) {
        Object v = raw(key);
        if (v == null) {
            return null;
        }
        return asTable(v, path(key), key);
    }

    /** The array of tables ({@code [[key]]}), empty when absent. */
    List<RawTable> tables(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw typeError(key, "an array of tables", v);
        }
        List<RawTable> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(asTable(list.get(i), path(key) + "[" + i + "]", key));
        }
        return out;
    }

    /** Each entry of this table, in the order the parser gave them. */
    Map<String, Object> entries() {
        return values;
    }

    RawTable asTable(Object v, String childPath, String key) {
        if (!(v instanceof Map<?, ?> map)) {
            throw typeError(key, "a table", v);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return new RawTable(m, childPath, stepId, source);
    }

    private String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    FormulaException error(String key, String reason) {
        String where = key == null ? path : path(key);
        String prefix = where.isEmpty() ? "" : where + ": ";
        int line;
        if (stepId != null) {
            line = source.lineOfStep(stepId);
        } else {
            line = path.isEmpty() && key != null ? source.lineOfKey(key) : 0;
        }
        return new FormulaException(FormulaException.Kind.SCHEMA, source.location(), line, stepId, prefix + reason);
    }

    private FormulaException typeError(String key, String expected, Object actual) {
        return error(key, "expected " + expected + ", got " + describe(actual));
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof Map<?, ?>) {
            return "a table";
        }
        return v.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + v;
    }
}
