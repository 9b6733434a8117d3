package dev.gastown.beads.model;

import java.time.Instant;
import java.util.Objects;
import java.util.TimeZone;

/**
 * An RFC 3339 timestamp kept exactly as written. Go writes times with their local offset and a fraction trimmed of
 * trailing zeros, with anywhere from 0 to 9 digits; rewriting through a normalised instant would change the bytes of
 * files the original wrote, so the text is the value and the instant is derived from it.
 *
 * <p>Parsing is hand-written: {@code java.time}'s formatters cost a cold process several milliseconds to set up.
 */
public record Timestamp(String text) implements Comparable<Timestamp> {
    /** Go's zero {@code time.Time}, written when a non-pointer time field is missing. */
    public static final Timestamp ZERO = new Timestamp("0001-01-01T00:00:00Z");

    public Timestamp {
        Objects.requireNonNull(text, "text");
    }

    /** Parses and validates {@code text}; a malformed timestamp throws {@link IllegalArgumentException}. */
    public static Timestamp parse(String text) {
        Timestamp t = new Timestamp(text);
        t.epochNanos();
        return t;
    }

    /** The current time in the local offset, formatted the way Go formats {@code time.Now()}. */
    public static Timestamp now() {
        return ofEpochNanos(currentEpochNanos(), localOffsetSeconds(System.currentTimeMillis()));
    }

    /** The current time in UTC with whole seconds, as SQLite's {@code CURRENT_TIMESTAMP} gave comments. */
    public static Timestamp nowUtcSeconds() {
        return ofEpochNanos(System.currentTimeMillis() / 1000 * 1_000_000_000L, 0);
    }

    public static Timestamp of(Instant instant) {
        long nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        return ofEpochNanos(nanos, localOffsetSeconds(instant.toEpochMilli()));
    }

    static long currentEpochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static int localOffsetSeconds(long epochMillis) {
        return TimeZone.getDefault().getOffset(epochMillis) / 1000;
    }

    /** Formats an instant at a fixed offset as RFC 3339 with nanoseconds, trailing zeros trimmed, like Go. */
    public static Timestamp ofEpochNanos(long epochNanos, int offsetSeconds) {
        long local = Math.floorDiv(epochNanos, 1_000_000_000L) + offsetSeconds;
        int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        long days = Math.floorDiv(local, 86_400L);
        int secOfDay = (int) Math.floorMod(local, 86_400L);
        long[] ymd = civilFromDays(days);
        StringBuilder sb = new StringBuilder(35);
        pad(sb, ymd[0], 4).append('-');
        pad(sb, ymd[1], 2).append('-');
        pad(sb, ymd[2], 2).append('T');
        pad(sb, secOfDay / 3600, 2).append(':');
        pad(sb, secOfDay / 60 % 60, 2).append(':');
        pad(sb, secOfDay % 60, 2);
        if (nanos != 0) {
            String frac = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(frac, 0, end);
        }
        if (offsetSeconds == 0) {
            sb.append('Z');
        } else {
            int abs = Math.abs(offsetSeconds);
            sb.append(offsetSeconds < 0 ? '-' : '+');
            pad(sb, abs / 3600, 2).append(':');
            pad(sb, abs / 60 % 60, 2);
        }
        return new Timestamp(sb.toString());
    }

    /** Nanoseconds since the Unix epoch. */
    public long epochNanos() {
        return parseEpochNanos(text);
    }

    /** Microseconds since the Unix epoch (what the index stores). */
    public long epochMicros() {
        return Math.floorDiv(epochNanos(), 1000L);
    }

    public Instant toInstant() {
        long n = epochNanos();
        return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    public boolean isZero() {
        return text.startsWith("0001-01-01T00:00:00");
    }

    /** Later than {@code other} as instants, whatever the offsets. */
    public boolean isAfter(Timestamp other) {
        return epochNanos() > other.epochNanos();
    }

    @Override
    public int compareTo(Timestamp other) {
        return Long.compare(epochNanos(), other.epochNanos());
    }

    @Override
    public String toString() {
        return text;
    }

    static long parseEpochNanos(String s) {
        try {
            int year = digits(s, 0, 4);
            expect(s, 4, '-');
            int month = digits(s, 5, 2);
            expect(s, 7, '-');
            int day = digits(s, 8, 2);
            char t = s.charAt(10);
            if (t != 'T' && t != 't' && t != ' ') {
                throw new IllegalArgumentException();
            }
            int hour = digits(s, 11, 2);
            expect(s, 13, ':');
            int minute = digits(s, 14, 2);
            expect(s, 16, ':');
            int second = digits(s, 17, 2);
            int i = 19;
            long nanos = 0;
            if (i < s.length() && s.charAt(i) == '.') {
                int start = ++i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                int len = i - start;
                if (len == 0 || len > 9) {
                    throw new IllegalArgumentException();
                }
                nanos = digits(s, start, len);
                for (int k = len; k < 9; k++) {
                    nanos *= 10;
                }
            }
            int offset;
            char z = s.charAt(i);
            if (z == 'Z' || z == 'z') {
                offset = 0;
                i++;
            } else if (z == '+' || z == '-') {
                int oh = digits(s, i + 1, 2);
                expect(s, i + 3, ':');
                int om = digits(s, i + 4, 2);
                offset = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
                i += 6;
            } else {
                throw new IllegalArgumentException();
            }
            if (i != s.length() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                    || second > 60) {
                throw new IllegalArgumentException();
            }
            long epochDay = daysFromCivil(year, month, day);
            long secs = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offset;
            return secs * 1_000_000_000L + nanos;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: \"" + s + "\"");
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void expect(String s, int at, char c) {
        if (s.charAt(at) != c) {
            throw new IllegalArgumentException();
        }
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        String d = Long.toString(v);
        for (int i = d.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(d);
    }

    // Howard Hinnant's days_from_civil / civil_from_days, proleptic Gregorian.
    private static long daysFromCivil(long y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    private static long[] civilFromDays(long z) {
        z += 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp + (mp < 10 ? 3 : -9);
        return new long[] {y + (m <= 2 ? 1 : 0), m, d};
    }
}
