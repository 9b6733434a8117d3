package dev.gastown.cli.testing;

import dev.gastown.beads.testing.Git;
import dev.gastown.cli.CliEnv;
import dev.gastown.cli.gt.GtMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code gt} in-process in a directory, with a controlled environment and git identity. */
public final class Gt {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>(Git.ENV);

    public Gt(Path cwd) {
        this.cwd = cwd;
        env.put("HOME", cwd.toString());
    }

    public Gt env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The same environment, in another directory. */
    public Gt in(Path dir) {
        Gt other = new Gt(dir);
        other.env.putAll(env);
        return other;
    }

    public CliRun run(String... args) {
        return runWithInput("", args);
    }

    public CliRun runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnv cli = new CliEnv(Map.copyOf(env), cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = GtMain.run(args, cli);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and expects success; returns stdout. */
    public String ok(String... args) {
        return run(args).ok().out();
    }
}
