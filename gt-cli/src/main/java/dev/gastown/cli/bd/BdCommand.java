package dev.gastown.cli.bd;

import dev.gastown.beads.id.IdResolver;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.Store;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliEnv;
import dev.gastown.cli.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every {@code bd} subcommand shares: the root's options, the store, id resolution, output. */
abstract class BdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private BdRoot root() {
        return (BdRoot) spec.root().userObject();
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

    String actor() {
        return root().actor();
    }

    String session() {
        return root().session();
    }

    Store store() {
        return root().store();
    }

    BeadsContext context() {
        return root().context();
    }

    /** Resolves a typed, possibly partial, id against the store. */
    String resolve(StoreView view, String input) {
        return IdResolver.resolve(view, context().prefix(), input);
    }

    @Override
    public final Integer call() {
        return execute();
    }

    /** Runs the command; returns the exit code. */
    abstract int execute();
}
