package dev.gastown.cli.testing;

import dev.gastown.cli.gt.GtMain;
import dev.gastown.core.identity.Address;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code gt} in-process in a directory, as a given agent (GT_ROLE) or, by default, the overseer. */
public final class Gt {
    private final Path cwd;
    private final Map<String, String> env;

    public Gt(Path cwd) {
        this(cwd, new HashMap<>(Map.of("HOME", cwd.toString(),
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"))));
    }

    /** {@code gt} in {@code cwd} with exactly {@code env} as its environment. */
    public Gt(Path cwd, Map<String, String> env) {
        this.cwd = cwd;
        this.env = new HashMap<>(env);
    }

    /** The overseer at the town's root. */
    public static Gt in(Town town) {
        return new Gt(town.root()).env(TownLocator.GT_ROOT, town.root().toString());
    }

    public Gt env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Gt env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    /** The same environment, run from another directory. */
    public Gt at(Path dir) {
        return new Gt(dir, new HashMap<>(env));
    }

    /** The same, run as {@code who}. */
    public Gt as(Address who) {
        Map<String, String> next = new HashMap<>(env);
        next.put(Identities.GT_ROLE, who.toString());
        return new Gt(cwd, next);
    }

    public CliRun run(String... args) {
        return runWithInput("", args);
    }

    public CliRun runWithInput(String stdin, String... args) {
        return CliRun.capture(GtMain::run, env, cwd, stdin, args);
    }

    /** Runs and expects success; returns stdout. */
    public String ok(String... args) {
        return run(args).ok().out();
    }
}
