package dev.gastown.core.formula;

import java.util.regex.Pattern;

/**
 * A step-id glob as advice targets and {@code compose.map} selects use it: {@code *} matches any run of characters
 * (dots included, so {@code *.implement} and {@code shiny.*} work), {@code ?} one character, {@code [...]} a class.
 */
final class Glob {
    private final Pattern pattern;

    private Glob(Pattern pattern) {
        this.pattern = pattern;
    }

    static Glob compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!") || body.startsWith("^")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(Pattern.compile(re.toString()));
    }

    boolean matches(String stepId) {
        return pattern.matcher(stepId).matches();
    }
}
