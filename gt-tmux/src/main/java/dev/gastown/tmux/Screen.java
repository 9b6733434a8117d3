package dev.gastown.tmux;

import java.util.ArrayList;
import java.util.List;

/** Reading an agent's captured screen: is it waiting for input, is a dialog up. */
public final class Screen {
    private static final int BUSY_WINDOW = 5;

    private Screen() {
    }

    /**
     * Idle means the last non-blank line starts with the preset's ready prompt (a non-breaking space counts as a
     * space) and the busy marker is not in the last few lines.
     */
    public static boolean idle(String capture, AgentPreset preset) {
        List<String> lines = nonBlankLines(capture);
        if (lines.isEmpty() || preset.readyPrompt().isEmpty()) {
            return false;
        }
        String prompt = normalize(preset.readyPrompt());
        boolean promptShown = lines.subList(Math.max(0, lines.size() - 3), lines.size()).stream()
                .anyMatch(l -> normalize(l).startsWith(prompt) || normalize(l).strip().equals(prompt.strip()));
        if (!promptShown) {
            return false;
        }
        if (preset.busyMarker().isEmpty()) {
            return true;
        }
        return lines.subList(Math.max(0, lines.size() - BUSY_WINDOW), lines.size()).stream()
                .noneMatch(l -> l.contains(preset.busyMarker()));
    }

    /** The first of the preset's dialogs showing in the capture, if any. */
    public static java.util.Optional<AgentPreset.Dialog> dialog(String capture, AgentPreset preset) {
        return preset.dialogs().stream().filter(d -> capture.contains(d.contains())).findFirst();
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
