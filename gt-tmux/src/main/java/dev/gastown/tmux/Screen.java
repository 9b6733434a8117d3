package dev.gastown.tmux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reading an agent's captured screen: is it waiting for input, is it working, is a dialog up. */
public final class Screen {
    /**
     * How long the screen of an agent whose preset has no ready prompt must have shown no new output to count as
     * waiting: working CLIs redraw spinners, timers and streamed text far more often than that.
     */
    public static final Duration QUIET = Duration.ofSeconds(2);

    private static final int PROMPT_WINDOW = 3;
    private static final int BUSY_WINDOW = 5;

    private Screen() {
    }

    /**
     * Whether the agent waits for input, by one look at its screen and how long the screen has shown no new output.
     * Something must be on the screen, and the preset's busy marker must not be in its last five non-blank lines.
     * Then, for a preset with a ready prompt, one of the last three non-blank lines starts with it (a non-breaking
     * space counts as a space); for a preset without one, the screen has been quiet for at least {@link #QUIET}.
     * Agents flash their prompt between tool calls, so callers look twice ({@link Nudger}).
     */
    public static boolean idle(String capture, Duration quiet, AgentPreset preset) {
        List<String> lines = nonBlankLines(capture);
        if (lines.isEmpty() || busy(lines, preset)) {
            return false;
        }
        return preset.readyPrompt().isEmpty() ? quiet.compareTo(QUIET) >= 0 : promptShown(lines, preset);
    }

    /** Whether the preset's ready prompt starts one of the last lines (never, for a preset without one). */
    public static boolean promptShown(String capture, AgentPreset preset) {
        return promptShown(nonBlankLines(capture), preset);
    }

    /** The first of the preset's dialogs showing in the capture, if any. */
    public static java.util.Optional<AgentPreset.Dialog> dialog(String capture, AgentPreset preset) {
        return preset.dialogs().stream().filter(d -> capture.contains(d.contains())).findFirst();
    }

    private static boolean promptShown(List<String> lines, AgentPreset preset) {
        if (preset.readyPrompt().isEmpty()) {
            return false;
        }
        String prompt = normalize(preset.readyPrompt());
        return last(lines, PROMPT_WINDOW).stream()
                .anyMatch(l -> normalize(l).startsWith(prompt) || normalize(l).strip().equals(prompt.strip()));
    }

    private static boolean busy(List<String> lines, AgentPreset preset) {
        return !preset.busyMarker().isEmpty()
                && last(lines, BUSY_WINDOW).stream().anyMatch(l -> l.contains(preset.busyMarker()));
    }

    private static List<String> last(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }

    private static String normalize(String s) {
        return s.replace('\u00a0', ' ');
    }

    private static List<String> nonBlankLines(String capture) {
        List<String> out = new ArrayList<>();
        for (String l : capture.split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
