package dev.gastown.cli.bd;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.config.BeadsLocator;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.Store;
import dev.gastown.cli.CliEnv;
import dev.gastown.cli.Output;
import dev.gastown.cli.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code bd}: the work ledger's command set. Global options may come before or after the subcommand. */
@Command(name = "bd", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = Version.class,
        description = "Beads: the git-backed work ledger (issues, dependencies, molecules) that agents share.")
public final class BdRoot implements Runnable {
    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print machine-readable JSON.")
    boolean json;

    @Option(names = "--actor", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Who is acting (default: $BD_ACTOR, then $USER).")
    String actor;

    @Option(names = "--no-daemon", scope = ScopeType.INHERIT, hidden = true,
            description = "Accepted for compatibility; there is no daemon.")
    boolean noDaemon;

    @Option(names = "--session", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "Agent session id to record on closes (default: $CLAUDE_SESSION_ID).")
    String session;

    private final CliEnv env;
    private Store store;
    private BeadsConfig config;
    private BeadsContext context;

    public BdRoot(CliEnv env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a subcommand is required (bd --help lists them)");
    }

    CliEnv env() {
        return env;
    }

    Output output() {
        return new Output(env, json);
    }

    String actor() {
        if (actor != null && !actor.isBlank()) {
            return actor;
        }
        String fromEnv = env.get("BD_ACTOR");
        if (!fromEnv.isEmpty()) {
            return fromEnv;
        }
        String user = env.get("USER");
        return user.isEmpty() ? "unknown" : user;
    }

    String session() {
        return session != null ? session : env.get("CLAUDE_SESSION_ID");
    }

    Store store() {
        if (store == null) {
            store = Store.open(BeadsLocator.locate(env.env(), env.cwd()));
            config = BeadsConfig.load(store.dir());
            store.policy(config.compactionPolicy());
        }
        return store;
    }

    BeadsContext context() {
        if (context == null) {
            context = BeadsContext.of(store(), config, actor(), session());
        }
        return context;
    }
}
