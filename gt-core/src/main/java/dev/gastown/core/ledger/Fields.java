package dev.gastown.core.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code key: value} lines Gas Town keeps in bead descriptions (merge requests' {@code branch:}, attachments'
 * {@code attached_molecule:}, convoys' {@code Notify:}). Keys match case-insensitively with {@code _}, {@code -} or
 * nothing between words, as the original parses them; {@code null} means unset.
 */
public final class Fields {
    private Fields() {
    }

    /** The value of {@code key}, if a line sets it to something other than {@code null}. */
    public static Optional<String> get(String description, String key) {
        String want = normalize(key);
        for (String line : lines(description)) {
            int colon = line.indexOf(':');
            if (colon > 0 && normalize(line.substring(0, colon)).equals(want)) {
                String v = line.substring(colon + 1).strip();
                return v.isEmpty() || v.equals("null") ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every field line, in order (later duplicates win). */
    public static Map<String, String> all(String description) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(description)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().matches("[A-Za-z][A-Za-z0-9_ -]*")) {
                out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return out;
    }

    /**
     * {@code description} with {@code key} set to {@code value} ({@code null} writes {@code null}): an existing line
     * is replaced in place; a new one goes after the last field line at the top, or first.
     */
    public static String set(String description, String key, String value) {
        String line = key + ": " + (value == null ? "null" : value);
        String want = normalize(key);
        List<String> lines = new ArrayList<>(lines(description));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(':');
            if (colon > 0 && normalize(l.substring(0, colon)).equals(want)) {
                lines.set(i, line);
                return String.join("\n", lines);
            }
        }
        int at = 0;
        while (at < lines.size() && isFieldLine(lines.get(at))) {
            at++;
        }
        lines.add(at, line);
        return String.join("\n", lines);
    }

    /** Renders fields as lines, in the given order. */
    public static String render(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(k).append(": ").append(v == null || v.isEmpty() ? "null" : v);
        });
        return sb.toString();
    }

    private static boolean isFieldLine(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && line.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_-]*");
    }

    private static List<String> lines(String description) {
        return description == null || description.isEmpty() ? List.of() : List.of(description.split("\n", -1));
    }

    private static String normalize(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }
}
