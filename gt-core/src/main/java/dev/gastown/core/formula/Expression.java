package dev.gastown.core.formula;

import java.util.List;

/**
 * A compiled integer expression from a loop {@code range} or {@code let}. Values are {@link Long}s or
 * {@link String}s (formula variables and {@code pick} results); a string used in arithmetic must hold an integer.
 * Names are bound when compiling: to a constant, or to a slot of the per-iteration value array.
 */
sealed interface Expression {

    Object eval(Object[] slots);

    /** The value as an integer, or an {@link ExpressionException}. */
    default long evalLong(Object[] slots) {
        return toLong(eval(slots), this);
    }

    static long toLong(Object value, Expression where) {
        if (value instanceof Long l) {
            return l;
        }
        String s = (String) value;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new ExpressionException("\"" + s + "\" is not an integer (in " + where + ")");
        }
    }

    /** A literal number or string, or a formula variable's value. */
    record Constant(Object value, String text) implements Expression {
        @Override
        public Object eval(Object[] slots) {
            return value;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A per-iteration value: the loop variable, a {@code let}, or an enclosing loop's value. */
    record Slot(int index, String name) implements Expression {
        @Override
        public Object eval(Object[] slots) {
            return slots[index];
        }

        @Override
        public String toString() {
            return name;
        }
    }

    record Negate(Expression operand) implements Expression {
        @Override
        public Object eval(Object[] slots) {
            try {
                return Math.negateExact(operand.evalLong(slots));
            } catch (ArithmeticException e) {
                throw new ExpressionException("integer overflow in " + this);
            }
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    record Binary(char op, Expression left, Expression right) implements Expression {
        @Override
        public Object eval(Object[] slots) {
            long a = left.evalLong(slots);
            long b = right.evalLong(slots);
            try {
                return switch (op) {
                    case '+' -> Math.addExact(a, b);
                    case '-' -> Math.subtractExact(a, b);
                    case '*' -> Math.multiplyExact(a, b);
                    case '/' -> a / nonZero(b);
                    case '%' -> a % nonZero(b);
                    case '^' -> power(a, b);
                    case '&' -> a & b;
                    case '|' -> a | b;
                    case '<' -> shift(a, b, true);
                    case '>' -> shift(a, b, false);
                    default -> throw new IllegalStateException("operator " + op);
                };
            } catch (ArithmeticException e) {
                throw new ExpressionException("integer overflow in " + this);
            }
        }

        private long nonZero(long b) {
            if (b == 0) {
                throw new ExpressionException("division by zero in " + this);
            }
            return b;
        }

        private long power(long base, long exponent) {
            if (exponent < 0) {
                throw new ExpressionException("negative exponent in " + this);
            }
            long result = 1;
            long square = base;
            for (long e = exponent; e > 0; e >>= 1) {
                if ((e & 1) == 1) {
                    result = Math.multiplyExact(result, square);
                }
                if (e > 1) {
                    square = Math.multiplyExact(square, square);
                }
            }
            return result;
        }

        private long shift(long a, long b, boolean leftShift) {
            if (b < 0 || b > 63) {
                throw new ExpressionException("shift by " + b + " in " + this);
            }
            return leftShift ? a << b : a >> b;
        }

        @Override
        public String toString() {
            String symbol = op == '<' ? "<<" : op == '>' ? ">>" : String.valueOf(op);
            return "(" + left + " " + symbol + " " + right + ")";
        }
    }

    /** {@code ctz}, {@code min}, {@code max}, {@code abs} or {@code pick}; arity is checked when compiling. */
    record Call(String function, List<Expression> args) implements Expression {
        @Override
        public Object eval(Object[] slots) {
            switch (function) {
                case "pick": {
                    long index = args.get(0).evalLong(slots);
                    if (index < 0 || index >= args.size() - 1) {
                        throw new ExpressionException("pick index " + index + " is out of range 0.."
                                + (args.size() - 2) + " in " + this);
                    }
                    return args.get((int) index + 1).eval(slots);
                }
                case "ctz": {
                    long x = args.get(0).evalLong(slots);
                    if (x == 0) {
                        throw new ExpressionException("ctz(0) is undefined in " + this);
                    }
                    return (long) Long.numberOfTrailingZeros(x);
                }
                case "abs": {
                    long x = args.get(0).evalLong(slots);
                    if (x == Long.MIN_VALUE) {
                        throw new ExpressionException("integer overflow in " + this);
                    }
                    return Math.abs(x);
                }
                default: {
                    long best = args.get(0).evalLong(slots);
                    for (int i = 1; i < args.size(); i++) {
                        long v = args.get(i).evalLong(slots);
                        best = function.equals("min") ? Math.min(best, v) : Math.max(best, v);
                    }
                    return best;
                }
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(function).append('(');
            for (int i = 0; i < args.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(args.get(i));
            }
            return sb.append(')').toString();
        }
    }
}
