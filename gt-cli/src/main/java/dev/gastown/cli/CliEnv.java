package dev.gastown.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command reads from its process: environment, working directory and standard streams. Commands never
 * touch {@code System.getenv} or {@code System.out} directly, so tests can run them in-process.
 */
public record CliEnv(Map<String, String> env, Path cwd, PrintStream out, PrintStream err, InputStream in) {

    public static CliEnv system() {
        return new CliEnv(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err, System.in);
    }

    public String get(String name) {
        String v = env.get(name);
        return v == null ? "" : v;
    }
}
