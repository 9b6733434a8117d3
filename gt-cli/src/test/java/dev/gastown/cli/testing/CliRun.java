package dev.gastown.cli.testing;

import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.CliEnv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.ToIntBiFunction;

/** What one command printed and returned. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code main} in-process with this environment, directory and standard input, capturing its output. */
    static CliRun capture(ToIntBiFunction<String[], CliEnv> main, Map<String, String> env, Path cwd, String stdin,
            String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnv cli = new CliEnv(Map.copyOf(env), cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = main.applyAsInt(args, cli);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public JsonValue json() {
        return JsonParser.parse(out);
    }

    public CliRun ok() {
        if (exitCode != 0) {
            throw new AssertionError("expected success, got exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }
}
