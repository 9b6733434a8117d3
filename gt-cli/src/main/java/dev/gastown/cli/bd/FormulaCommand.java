package dev.gastown.cli.bd;

import dev.gastown.cli.FormulaAccess;
import dev.gastown.cli.FormulaViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "formula", aliases = "formulas", description = "The formulas on the search path.",
        subcommands = {FormulaCommand.ListFormulas.class, FormulaCommand.Show.class})
final class FormulaCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or show");
    }

    @Command(name = "list", aliases = "ls", description = "Every formula found, with where it comes from.")
    static final class ListFormulas extends BdCommand {
        @Override
        int execute() {
            FormulaViews.list(FormulaAccess.library(env(), projectDir(this)), out());
            return 0;
        }
    }

    @Command(name = "show", description = "A formula's vars and steps, after inheritance.")
    static final class Show extends BdCommand {
        @Parameters(paramLabel = "FORMULA")
        String name;

        @Override
        int execute() {
            var cooker = FormulaAccess.cooker(env(), projectDir(this));
            FormulaViews.show(cooker.resolve(FormulaAccess.library(env(), projectDir(this))
                    .load(FormulaAccess.nameOrPath(env(), name))), out());
            return 0;
        }
    }

    /** Where the formulas of the current store live; outside a store, the working directory. */
    static java.nio.file.Path projectDir(BdCommand cmd) {
        try {
            return cmd.store().dir().root();
        } catch (dev.gastown.beads.store.StoreException noStore) {
            return cmd.env().cwd();
        }
    }
}
