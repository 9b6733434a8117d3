package dev.gastown.cli.testing;

import dev.gastown.cli.bd.BdMain;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code bd} in-process in a directory with a controlled environment. */
public final class Bd {
    private final Path cwd;
    private final Map<String, String> env = new HashMap<>();

    public Bd(Path cwd) {
        this.cwd = cwd;
        env.put("BD_ACTOR", "tester");
        env.put("HOME", cwd.toString());
    }

    public Bd env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRun run(String... args) {
        return runWithInput("", args);
    }

    public CliRun runWithInput(String stdin, String... args) {
        return CliRun.capture(BdMain::run, env, cwd, stdin, args);
    }

    /** Runs and expects success; returns stdout. */
    public String ok(String... args) {
        return run(args).ok().out();
    }

    /** Creates an issue and returns its id. */
    public String create(String title, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "create";
        args[1] = title;
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--silent";
        return ok(args).strip();
    }
}
