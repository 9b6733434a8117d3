package dev.gastown.cli.testing;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.gt.GtMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code gt} in-process in a directory with a controlled environment. */
public final class Gt {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    public Gt(Path cwd, Map<String, String> env) {
        this.cwd = cwd;
        this.env.putAll(env);
        this.env.putIfAbsent("HOME", cwd.toString());
    }

    public CliRun run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnv cli = new CliEnv(Map.copyOf(env), cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        int code = GtMain.run(args, cli);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and expects success; returns stdout. */
    public String ok(String... args) {
        return run(args).ok().out();
    }
}
