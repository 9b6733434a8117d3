package dev.gastown.tmux;

/** The tmux version, probed once per process, and the behaviours that depend on it. */
public record TmuxVersion(int major, int minor, String text) {

    /** Parses {@code tmux -V} output such as {@code tmux 3.3a} or {@code tmux next-3.5}. */
    public static TmuxVersion parse(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(text);
        if (!m.find()) {
            return new TmuxVersion(0, 0, text.strip());
        }
        return new TmuxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip());
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || major == maj && minor >= min;
    }

    /**
     * How to submit typed input. From 3.7 a named {@code Enter} key stopped submitting in some TUIs while a literal
     * carriage return still does; older versions are safest with the named key.
     */
    public boolean submitWithLiteralCarriageReturn() {
        return atLeast(3, 7);
    }

    /** {@code new-session -e} and {@code respawn-pane -e} exist from 3.0. */
    public boolean supportsEnvironmentFlag() {
        return atLeast(3, 0);
    }
}
