package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses loop expressions. From loosest to tightest binding: {@code |}, {@code &}, {@code << >>}, {@code + -},
 * {@code * / %}, unary {@code -}, {@code ^} (power, right-associative, so {@code -2^2} is -4). Operands are integers,
 * quoted strings ({@code 'A'} or {@code "A"}), names (bare {@code disks} or braced {@code {disks}}, bound by the
 * caller's resolver), parenthesised expressions and calls of {@code ctz}, {@code min}, {@code max}, {@code abs},
 * {@code pick}.
 */
final class ExpressionParser {
    private static final Set<String> FUNCTIONS = Set.of("ctz", "min", "max", "abs", "pick");

    private final String text;
    private final Function<String, Expression> names;
    private int pos;

    private ExpressionParser(String text, Function<String, Expression> names) {
        this.text = text;
        this.names = names;
    }

    /**
     * Compiles {@code text}; {@code names} binds each referenced name (and throws {@link ExpressionException} for
     * unknown ones).
     */
    static Expression parse(String text, Function<String, Expression> names) {
        ExpressionParser p = new ExpressionParser(text, names);
        Expression e = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expression or() {
        Expression left = and();
        while (accept("|")) {
            left = new Expression.Binary('|', left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = shift();
        while (accept("&")) {
            left = new Expression.Binary('&', left, shift());
        }
        return left;
    }

    private Expression shift() {
        Expression left = additive();
        while (true) {
            if (accept("<<")) {
                left = new Expression.Binary('<', left, additive());
            } else if (accept(">>")) {
                left = new Expression.Binary('>', left, additive());
            } else {
                return left;
            }
        }
    }

    private Expression additive() {
        Expression left = multiplicative();
        while (true) {
            if (accept("+")) {
                left = new Expression.Binary('+', left, multiplicative());
            } else if (accept("-")) {
                left = new Expression.Binary('-', left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expression multiplicative() {
        Expression left = unary();
        while (true) {
            if (accept("*")) {
                left = new Expression.Binary('*', left, unary());
            } else if (accept("/")) {
                left = new Expression.Binary('/', left, unary());
            } else if (accept("%")) {
                left = new Expression.Binary('%', left, unary());
            } else {
                return left;
            }
        }
    }

    private Expression unary() {
        if (accept("-")) {
            return new Expression.Negate(unary());
        }
        Expression base = primary();
        if (accept("^")) {
            return new Expression.Binary('^', base, unary());
        }
        return base;
    }

    private Expression primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end of expression");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expression inner = or();
            expect(")");
            return inner;
        }
        if (c >= '0' && c <= '9') {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '{') {
            pos++;
            String name = identifier();
            expect("}");
            return names.apply(name);
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name);
            }
            return names.apply(name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Expression number() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        try {
            return new Expression.Constant(Long.parseLong(digits), digits);
        } catch (NumberFormatException e) {
            throw error("number " + digits + " is too large");
        }
    }

    private Expression string(char quote) {
        int end = text.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error("unterminated string");
        }
        String value = text.substring(pos + 1, end);
        pos = end + 1;
        return new Expression.Constant(value, quote + value + quote);
    }

    private Expression call(String function) {
        if (!FUNCTIONS.contains(function)) {
            throw error("unknown function " + function + "() (known: abs, ctz, max, min, pick)");
        }
        expect("(");
        List<Expression> args = new ArrayList<>();
        if (!accept(")")) {
            do {
                args.add(or());
            } while (accept(","));
            expect(")");
        }
        int min = function.equals("pick") ? 2 : 1;
        boolean variadic = function.equals("pick") || function.equals("min") || function.equals("max");
        if (args.size() < min || !variadic && args.size() != 1) {
            throw error(function + "() takes " + (variadic ? "at least " + min : "one") + " argument"
                    + (min == 1 ? "" : "s") + ", got " + args.size());
        }
        return new Expression.Call(function, List.copyOf(args));
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private boolean accept(String token) {
        skipSpace();
        if (!text.startsWith(token, pos)) {
            return false;
        }
        pos += token.length();
        return true;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionException error(String message) {
        return new ExpressionException(message + " at position " + (pos + 1) + " of \"" + text + "\"");
    }
}
