package dev.gastown.cli.gt;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.Output;
import dev.gastown.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code gt}: the town's command set. */
@Command(name = "gt", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
        description = "Gas Town: run many coding agents on one body of work, tracked in beads.")
public final class GtRoot implements Runnable {
    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON.")
    boolean json;

    private final CliEnv env;

    public GtRoot(CliEnv env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a subcommand is required (gt --help lists them)");
    }

    CliEnv env() {
        return env;
    }

    Output output() {
        return new Output(env, json);
    }
}
