package dev.gastown.core.formula;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Go's {@code time.ParseDuration}: {@code 30m}, {@code 1h30m}, {@code 1.5h}, {@code 300ms}, {@code -2s}, {@code 0}. */
final class GoDuration {
    private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    static long parseNanos(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw invalid(text);
            }
            BigDecimal number;
            try {
                number = new BigDecimal(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
            if (unit == null) {
                throw new IllegalArgumentException("unknown unit \"" + s.substring(unitStart, i) + "\" in duration \""
                        + text + "\" (use ns, us, ms, s, m or h)");
            }
            total = total.add(number.multiply(BigDecimal.valueOf(unit)));
        }
        try {
            long nanos = total.setScale(0, RoundingMode.DOWN).longValueExact();
            return negative ? -nanos : nanos;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration \"" + text + "\" is out of range");
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\"");
    }
}
