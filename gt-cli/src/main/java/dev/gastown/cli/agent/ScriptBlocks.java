package dev.gastown.cli.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a text declares for the scripted agent: the bodies of its fenced code blocks whose info string is
 * {@code sh} (or {@code bash}). Indented blocks and other fences are prose and examples for models, with
 * placeholders a program cannot fill, so they are not run.
 */
public final class ScriptBlocks {
    private ScriptBlocks() {
    }

    public static List<String> of(String text) {
        List<String> blocks = new ArrayList<>();
        if (text == null) {
            return blocks;
        }
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (current == null) {
                if (t.equals("```sh") || t.equals("```bash")) {
                    current = new StringBuilder();
                }
            } else if (t.equals("```")) {
                if (!current.toString().isBlank()) {
                    blocks.add(current.toString());
                }
                current = null;
            } else {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
