package dev.gastown.core.formula;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a formula was read from: {@code location} is a file path (or {@code classpath:formulas/x.formula.toml}), and
 * the text is kept so that errors found after parsing can still point at a line. A formula that {@code extends}
 * others also knows their sources, so an inherited step is located in the file that defines it.
 */
public final class FormulaSource {
    private final String location;
    private final String text;
    private final List<FormulaSource> inherited;

    public FormulaSource(String location, String text) {
        this(location, text, List.of());
    }

    private FormulaSource(String location, String text, List<FormulaSource> inherited) {
        this.location = location == null ? "" : location;
        this.text = text == null ? "" : text;
        this.inherited = List.copyOf(inherited);
    }

    /** This source, also searching {@code parents} (in order) for steps it does not declare itself. */
    FormulaSource inheriting(List<FormulaSource> parents) {
        return new FormulaSource(location, text, parents);
    }

    /** A file and 1-based line (0 when unknown). */
    record Position(String file, int line) {
    }

    /** Where step {@code id} is declared: in this file, else in the first inherited file declaring it. */
    Position locateStep(String id) {
        int line = lineOfStep(id);
        if (line > 0) {
            return new Position(location, line);
        }
        for (FormulaSource parent : inherited) {
            Position p = parent.locateStep(id);
            if (p.line() > 0) {
                return p;
            }
        }
        return new Position(location, 0);
    }

    /** A formula built in memory, with no file. */
    public static FormulaSource inMemory(String name) {
        return new FormulaSource(name, "");
    }

    public String location() {
        return location;
    }

    /**
     * The 1-based line that declares step (or template, leg, advice step) {@code id}: {@code id = "x"} in TOML,
     * {@code "id": "x"} in JSON. 0 when not found, e.g. for steps made by cooking.
     */
    public int lineOfStep(String id) {
        if (id == null || id.isEmpty()) {
            return 0;
        }
        String q = Pattern.quote(id);
        return firstLine(Pattern.compile("(?m)^\\s*(?:id\\s*=\\s*[\"']" + q + "[\"']|\"id\"\\s*:\\s*\"" + q + "\")"));
    }

    /** The 1-based line that declares variable {@code name} ({@code [vars.name]}, or in {@code [vars]}), or 0. */
    public int lineOfVar(String name) {
        String q = Pattern.quote(name);
        int line = firstLine(Pattern.compile("(?m)^\\s*\\[vars\\." + q + "\\]"), 0);
        if (line > 0) {
            return line;
        }
        Matcher vars = Pattern.compile("(?m)^\\s*(?:\\[vars\\]|\"vars\"\\s*:)").matcher(text);
        return vars.find() ? firstLine(Pattern.compile("(?m)^\\s*(?:" + q + "\\s*=|\"" + q + "\"\\s*:)"), vars.end())
                : 0;
    }

    /** The 1-based line of the first {@code key = ...} or {@code "key":} for a top-level or table key, or 0. */
    public int lineOfKey(String key) {
        String q = Pattern.quote(key);
        return firstLine(Pattern.compile("(?m)^\\s*(?:" + q + "\\s*=|\"" + q + "\"\\s*:)"));
    }

    private int firstLine(Pattern p) {
        return firstLine(p, 0);
    }

    private int firstLine(Pattern p, int from) {
        Matcher m = p.matcher(text);
        if (!m.find(from)) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Override
    public String toString() {
        return location;
    }
}
