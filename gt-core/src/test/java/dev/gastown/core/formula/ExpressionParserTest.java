package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loop expressions: precedence, functions, names and errors. */
class ExpressionParserTest {
    private static final Map<String, Object> NAMES = Map.of("n", "5", "x", 12L, "peg", "left");

    private static Object eval(String text) {
        return ExpressionParser.parse(text, name -> {
            if (!NAMES.containsKey(name)) {
                throw new ExpressionException("unknown name " + name);
            }
            return new Expression.Constant(NAMES.get(name), name);
        }).eval(new Object[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "1 + 2 * 3 = 7", "(1 + 2) * 3 = 9", "2^10 - 1 = 1023", "2^3^2 = 512", "-2^2 = -4", "2^{n} = 32",
            "n * 2 = 10", "7 % 3 = 1", "7 / 2 = 3", "6 & 3 = 2", "6 | 3 = 7", "1 << 4 = 16", "256 >> 2 = 64",
            "1 | 2 & 3 = 3", "1 + 1 << 2 = 8", "ctz(12) = 2", "ctz(x) + 1 = 3", "min(4, 2, 9) = 2", "max(4, n) = 5",
            "abs(3 - 10) = 7", "(x & (x - 1)) % 3 = 2", "((x | (x - 1)) + 1) % 3 = 1"})
    void integerArithmetic(String expression, long expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void pickReturnsAStringOrAnything() {
        assertThat(eval("pick(1, 'a', peg, \"c\")")).isEqualTo("left");
        assertThat(eval("pick(2, 'a', peg, \"c\")")).isEqualTo("c");
        assertThat(eval("pick(0, n * 2)")).isEqualTo(10L);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> eval("1 +")).hasMessage("unexpected end of expression at position 4 of \"1 +\"");
        assertThatThrownBy(() -> eval("2 ** 3")).hasMessageStartingWith("unexpected '*'");
        assertThatThrownBy(() -> eval("foo(1)")).hasMessageStartingWith("unknown function foo()");
        assertThatThrownBy(() -> eval("ctz(1, 2)")).hasMessageStartingWith("ctz() takes one argument, got 2");
        assertThatThrownBy(() -> eval("pick(1)")).hasMessageStartingWith("pick() takes at least 2 arguments");
        assertThatThrownBy(() -> eval("y + 1")).hasMessage("unknown name y");
        assertThatThrownBy(() -> eval("1 / (n - 5)")).hasMessage("division by zero in (1 / (n - 5))");
        assertThatThrownBy(() -> eval("2^64")).hasMessage("integer overflow in (2 ^ 64)");
        assertThatThrownBy(() -> eval("2^-1")).hasMessage("negative exponent in (2 ^ -1)");
        assertThatThrownBy(() -> eval("peg + 1")).hasMessage("\"left\" is not an integer (in peg)");
        assertThatThrownBy(() -> eval("pick(3, 'a', 'b')")).hasMessageStartingWith("pick index 3 is out of range 0..1");
        assertThatThrownBy(() -> eval("ctz(0)")).hasMessageStartingWith("ctz(0) is undefined");
        assertThatThrownBy(() -> eval("'open")).hasMessageStartingWith("unterminated string");
    }
}
