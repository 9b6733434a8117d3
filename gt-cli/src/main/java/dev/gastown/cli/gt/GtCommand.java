package dev.gastown.cli.gt;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.ExitCodes;
import dev.gastown.cli.Output;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.SessionMailNotifier;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.tmux.Tmux;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code gt} subcommand shares: the environment, the town, who is calling, the ledger, output. */
abstract class GtCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Town town;
    private Ledger ledger;

    GtRoot root() {
        return (GtRoot) spec.root().userObject();
    }

    CliEnv env() {
        return root().env();
    }

    Output out() {
        return root().output();
    }

    boolean json() {
        return root().json;
    }

    /** The town this command runs in; fails with a clear message outside one. */
    Town town() {
        if (town == null) {
            town = TownLocator.require(env().env(), env().cwd());
        }
        return town;
    }

    /** Who is calling: from GT_ROLE, else the working directory, else the Overseer. */
    Address me() {
        return Identities.detect(town(), env().env(), env().cwd());
    }

    Ledger ledger() {
        if (ledger == null) {
            ledger = new Ledger(town(), me().toString(), env().get("CLAUDE_SESSION_ID"));
            ledger.notifyMailWith(new SessionMailNotifier(this::agentSessions, w -> out().note("Warning: " + w)));
        }
        return ledger;
    }

    /** The town's agent sessions, launched with gt and bd (from this installation) on their PATH. */
    AgentSessions agentSessions() {
        String scripts = System.getProperty("gastown.scripts", env().get("GASTOWN_SCRIPTS"));
        return new AgentSessions(ledger(), new AgentSessions.Launch(scripts.isEmpty() ? null : Path.of(scripts),
                env().get("PATH")));
    }

    /**
     * Shows {@code a}'s session in this terminal: switches this tmux client when the caller runs inside the town's
     * own tmux server, else attaches, saying how to detach when that nests the town's tmux inside another one.
     * Returns tmux's exit status.
     */
    int attach(AgentSessions sessions, Address a) {
        Tmux.Attach how = sessions.attach(a, env().get("TMUX"));
        if (how.nested()) {
            env().err().println("Attaching " + SessionNames.of(a) + " inside your current tmux: the town runs its own"
                    + " tmux server, so it opens nested in this pane. Detach with your tmux prefix twice, then d"
                    + " (C-b C-b d by default).");
        }
        try {
            return new ProcessBuilder(how.command()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new GtException("cannot run tmux: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }

    /** Pouring formulas from the search path: the store's project, the user's home, the town, the shipped ones. */
    FormulaPours formulas() {
        String home = env().get("HOME");
        return new FormulaPours(town().root(), home.isEmpty() ? null : Path.of(home));
    }

    @Override
    public final Integer call() {
        return execute();
    }

    /** Runs the command; returns the exit code. */
    abstract int execute();
}
