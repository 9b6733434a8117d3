package dev.gastown.cli;

import dev.gastown.beads.model.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Times typed on the command line: RFC 3339 ({@code 2026-01-05T09:00:00Z}), a date ({@code 2026-01-05}, local
 * midnight), or an offset from now into the future ({@code +3d}, {@code +12h}, {@code +30m}, {@code +2w}) or the
 * past ({@code -30m}).
 */
public final class DateInput {
    private DateInput() {
    }

    public static Timestamp parse(String text) {
        String t = text.trim();
        if ((t.startsWith("+") || t.startsWith("-")) && t.length() > 2) {
            long n;
            try {
                n = Long.parseLong(t.substring(1, t.length() - 1));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            long seconds = switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                case 'w' -> 604_800;
                default -> throw invalid(text);
            };
            return Timestamp.of(java.time.Instant.now().plusSeconds((t.startsWith("-") ? -n : n) * seconds));
        }
        if (t.length() == 10) {
            try {
                return Timestamp.of(LocalDate.parse(t).atStartOfDay(ZoneId.systemDefault()).toInstant());
            } catch (java.time.DateTimeException e) {
                throw invalid(text);
            }
        }
        try {
            return Timestamp.parse(t);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
    }

    private static CliException invalid(String text) {
        return new CliException("invalid time \"" + text + "\" (use 2026-01-05, 2026-01-05T09:00:00Z, or +3d/+12h)");
    }
}
