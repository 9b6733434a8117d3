package dev.gastown.core.formula;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code condition}, evaluated when pouring: {@code {{v}}} (v is truthy: not empty, false, 0, no or off),
 * {@code !{{v}}}, {@code {{v}} == value} and {@code {{v}} != value} (the value may be quoted).
 */
record StepCondition(String variable, Op op, String value) {

    enum Op { TRUTHY, FALSY, EQUALS, NOT_EQUALS }

    private static final Pattern TRUTHY = Pattern.compile("^(!?)\\{\\{(\\w+)\\}\\}$");
    private static final Pattern COMPARE = Pattern.compile("^\\{\\{(\\w+)\\}\\}\\s*(==|!=)\\s*(.+)$");

    /** The parsed condition, or null for an empty one; {@link IllegalArgumentException} when malformed. */
    static StepCondition parse(String text) {
        String c = text.trim();
        if (c.isEmpty()) {
            return null;
        }
        Matcher m = TRUTHY.matcher(c);
        if (m.matches()) {
            return new StepCondition(m.group(2), m.group(1).isEmpty() ? Op.TRUTHY : Op.FALSY, "");
        }
        m = COMPARE.matcher(c);
        if (m.matches()) {
            return new StepCondition(m.group(1), m.group(2).equals("==") ? Op.EQUALS : Op.NOT_EQUALS,
                    unquote(m.group(3).trim()));
        }
        throw new IllegalArgumentException("invalid condition \"" + text
                + "\" (expected {{var}}, !{{var}}, {{var}} == value or {{var}} != value)");
    }

    boolean holds(Map<String, String> vars) {
        String actual = vars.getOrDefault(variable, "");
        return switch (op) {
            case TRUTHY -> truthy(actual);
            case FALSY -> !truthy(actual);
            case EQUALS -> actual.equals(value);
            case NOT_EQUALS -> !actual.equals(value);
        };
    }

    private static boolean truthy(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "", "false", "0", "no", "off" -> false;
            default -> true;
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
