package dev.gastown.tmux;

import java.util.List;
import java.util.stream.Collectors;

/** POSIX shell quoting: every word in single quotes, so quotes, backticks, {@code $(...)} and {@code ;} stay text. */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String word(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    public static String words(List<String> argv) {
        return argv.stream().map(ShellQuote::word).collect(Collectors.joining(" "));
    }
}
