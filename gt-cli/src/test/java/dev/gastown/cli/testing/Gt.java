package dev.gastown.cli.testing;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.gt.GtMain;
import dev.gastown.core.identity.Address;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code gt} in-process in a town, as a given agent (GT_ROLE) or, by default, the overseer. */
public final class Gt {
    private final Path cwd;
    private final Map<String, String> env;

    private Gt(Path cwd, Map<String, String> env) {
        this.cwd = cwd;
        this.env = env;
    }

    /** The overseer at the town's root. */
    public static Gt in(Town town) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", town.root().toString());
        env.put(TownLocator.GT_ROOT, town.root().toString());
        return new Gt(town.root(), env);
    }

    /** The same, run as {@code who}. */
    public Gt as(Address who) {
        Map<String, String> next = new HashMap<>(env);
        next.put(Identities.GT_ROLE, who.toString());
        return new Gt(cwd, next);
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
