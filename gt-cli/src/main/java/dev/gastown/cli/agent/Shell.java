package dev.gastown.cli.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the agent's commands ({@code gt}, {@code bd}, git, step scripts) as real processes in its home. */
final class Shell {
    /** What one command printed and returned. */
    record Run(int exit, String out) {
        boolean ok() {
            return exit == 0;
        }
    }

    private final Path dir;
    private final Map<String, String> extraEnv;

    Shell(Path dir, Map<String, String> extraEnv) {
        this.dir = dir;
        this.extraEnv = extraEnv;
    }

    Run argv(List<String> argv, String stdin) {
        return exec(new ProcessBuilder(argv), stdin);
    }

    /** Runs a script with {@code sh -e}: the first failing command fails the block. */
    Run script(String script, Map<String, String> vars) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-e", "-c", script);
        pb.environment().putAll(vars);
        return exec(pb, null);
    }

    private Run exec(ProcessBuilder pb, String stdin) {
        pb.directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(p.waitFor(), out);
        } catch (IOException e) {
            return new Run(127, "cannot run " + String.join(" ", pb.command()) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(130, "interrupted");
        }
    }
}
