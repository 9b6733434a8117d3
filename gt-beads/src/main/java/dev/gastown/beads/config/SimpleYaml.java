package dev.gastown.beads.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of YAML that {@code .beads/config.yaml} uses: comments, {@code key: value} with plain or quoted
 * scalars, maps nested by indentation, and lists of scalars. Anything richer is an error naming the line.
 */
public final class SimpleYaml {
    private SimpleYaml() {
    }

    /** Parses {@code text} into nested maps of strings and lists of strings. */
    public static Map<String, Object> parse(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String content = stripComment(raw[i]).stripTrailing();
            if (!content.isBlank()) {
                int indent = 0;
                while (indent < content.length() && content.charAt(indent) == ' ') {
                    indent++;
                }
                lines.add(new Line(i + 1, indent, content.substring(indent)));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        int[] pos = {0};
        readMap(lines, pos, 0, root);
        if (pos[0] < lines.size()) {
            throw error(lines.get(pos[0]), "unexpected indentation");
        }
        return root;
    }

    private record Line(int number, int indent, String text) {
    }

    private static void readMap(List<Line> lines, int[] pos, int indent, Map<String, Object> into) {
        while (pos[0] < lines.size()) {
            Line line = lines.get(pos[0]);
            if (line.indent < indent) {
                return;
            }
            if (line.indent > indent) {
                throw error(line, "unexpected indentation");
            }
            int colon = keyColon(line.text);
            if (colon < 0) {
                throw error(line, "expected 'key: value'");
            }
            String key = unquote(line.text.substring(0, colon).trim());
            String rest = line.text.substring(colon + 1).trim();
            pos[0]++;
            if (!rest.isEmpty()) {
                into.put(key, unquote(rest));
                continue;
            }
            if (pos[0] < lines.size() && lines.get(pos[0]).indent > indent) {
                Line first = lines.get(pos[0]);
                if (first.text.startsWith("- ") || first.text.equals("-")) {
                    into.put(key, readList(lines, pos, first.indent));
                } else {
                    Map<String, Object> child = new LinkedHashMap<>();
                    readMap(lines, pos, first.indent, child);
                    into.put(key, child);
                }
            } else {
                into.put(key, "");
            }
        }
    }

    private static List<String> readList(List<Line> lines, int[] pos, int indent) {
        List<String> out = new ArrayList<>();
        while (pos[0] < lines.size() && lines.get(pos[0]).indent == indent
                && (lines.get(pos[0]).text.startsWith("- ") || lines.get(pos[0]).text.equals("-"))) {
            out.add(unquote(lines.get(pos[0]).text.substring(1).trim()));
            pos[0]++;
        }
        return out;
    }

    /** The colon that ends a key: outside quotes and followed by a space or the end of the line. */
    private static int keyColon(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            String inner = s.substring(1, s.length() - 1);
            return s.charAt(0) == '"' ? inner.replace("\\\"", "\"").replace("\\\\", "\\") : inner.replace("''", "'");
        }
        return s;
    }

    private static IllegalArgumentException error(Line line, String message) {
        return new IllegalArgumentException("line " + line.number + ": " + message);
    }
}
