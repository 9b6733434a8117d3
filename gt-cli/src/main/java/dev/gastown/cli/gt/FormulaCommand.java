package dev.gastown.cli.gt;

import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.cli.FormulaViews;
import dev.gastown.core.formula.ConvoyPlan;
import dev.gastown.core.formula.FormulaCooker;
import dev.gastown.core.formula.FormulaLibrary;
import dev.gastown.core.work.FormulaRuns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "formula", aliases = "formulas", description = "Formulas on the search path (the project, ~/.beads,"
        + " the town, the shipped ones), and running convoy formulas.",
        subcommands = {FormulaCommand.ListFormulas.class, FormulaCommand.Show.class, FormulaCommand.Run.class})
final class FormulaCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    /** Whose project formulas come first: the caller's rig's, else the town's. */
    private static BeadsContext store(GtCommand cmd) {
        return cmd.me().rig().map(r -> cmd.ledger().rig(r)).orElseGet(() -> cmd.ledger().hq());
    }

    @Command(name = "list", aliases = "ls", description = "Every formula found, with its type and where it comes"
            + " from.")
    static final class ListFormulas extends GtCommand {
        @Override
        int execute() {
            FormulaViews.list(formulas().library(store(this)), out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "A formula after inheritance: vars and steps, or a convoy formula's inputs,"
            + " legs and synthesis.")
    static final class Show extends GtCommand {
        @Parameters(paramLabel = "FORMULA")
        String name;

        @Override
        int execute() {
            FormulaLibrary library = formulas().library(store(this));
            FormulaViews.show(new FormulaCooker(library).resolve(library.load(FormulaAccess.nameOrPath(env(),
                    name))), out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", description = "Run a convoy formula on a rig: a convoy, one bead per leg and a synthesis"
            + " bead that waits for them, then each leg slung to a fresh polecat. All or nothing. Inputs go as"
            + " --var NAME=VALUE or --NAME=VALUE (gt formula run code-review --pr=42).")
    static final class Run extends GtCommand {
        @Parameters(paramLabel = "FORMULA")
        String name;

        @Option(names = "--rig", paramLabel = "RIG", description = "Rig whose polecats run the legs (default: your"
                + " rig, or the town's only one).")
        String rig;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A formula input (repeatable).")
        List<String> vars = new ArrayList<>();

        @Option(names = {"-n", "--dry-run"}, description = "Print what would be created; write nothing.")
        boolean dryRun;

        @Option(names = "--naked", description = "Hook the legs but start no sessions (for now, always so).")
        boolean naked;

        @Unmatched
        List<String> inputOptions = new ArrayList<>();

        @Override
        int execute() {
            Map<String, String> inputs = new LinkedHashMap<>(inputOptions(inputOptions));
            inputs.putAll(FormulaAccess.vars(vars));
            FormulaRuns runs = new FormulaRuns(ledger(), formulas(), me());
            FormulaRuns.Plan plan = runs.plan(new FormulaRuns.Request(name, rig, inputs));
            if (dryRun) {
                if (json()) {
                    out().json(plan.toJson().put("dry_run", true));
                } else {
                    printPlan(plan);
                }
                return ExitCodes.OK;
            }
            FormulaRuns.Run run = runs.run(plan);
            if (json()) {
                out().json(run.toJson());
                return ExitCodes.OK;
            }
            out().line("🚚 Convoy " + plan.convoyId() + ": " + plan.convoy().title());
            out().line("  Rig " + plan.rig() + ", review " + plan.reviewId());
            for (FormulaRuns.Leg l : run.legs()) {
                out().line("  " + l.legId() + ": " + l.beadId() + " → " + l.slung().agent() + " ("
                        + l.slung().workdir() + ")");
            }
            if (!run.synthesisId().isEmpty()) {
                out().line("  synthesis: " + run.synthesisId() + " (ready once the legs are closed)");
            }
            if (!naked) {
                out().note("No sessions were started: the agent runtime is not wired in yet; start each polecat"
                        + " yourself in its worktree (it runs gt prime, then gt hook).");
            }
            return ExitCodes.OK;
        }

        private void printPlan(FormulaRuns.Plan plan) {
            ConvoyPlan c = plan.convoy();
            out().line("Dry run, nothing written. gt formula run " + c.formula() + " would create:");
            out().line("  convoy " + plan.convoyId() + ": " + c.title());
            out().line("    " + plan.description().replace("\n\n", "\n").replace("\n", "\n    "));
            c.inputs().forEach((k, v) -> out().line("    input " + k + " = " + v));
            out().line("  in rig " + plan.rig() + ", each slung to a fresh polecat:");
            for (ConvoyPlan.LegBead l : c.legs()) {
                out().line("    " + l.legId() + ": " + l.title() + (l.outputPath().isEmpty() ? ""
                        : "  → " + l.outputPath()));
            }
            if (c.synthesis() != null) {
                out().line("  synthesis: " + c.synthesis().title() + " (after " + String.join(", ",
                        c.synthesis().legIds()) + ")" + (c.synthesis().outputPath().isEmpty() ? ""
                        : "  → " + c.synthesis().outputPath()));
            }
        }

        /** {@code --NAME=VALUE} or {@code --NAME VALUE} words picocli did not recognise: the formula's inputs. */
        static Map<String, String> inputOptions(List<String> words) {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (!w.startsWith("--") || w.length() < 3) {
                    throw new CliException("unexpected argument \"" + w + "\" (inputs go as --NAME=VALUE or --var"
                            + " NAME=VALUE)", ExitCodes.USAGE);
                }
                int eq = w.indexOf('=');
                if (eq > 2) {
                    out.put(w.substring(2, eq), w.substring(eq + 1));
                } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                    out.put(w.substring(2), words.get(++i));
                } else {
                    throw new CliException(w + " needs a value (" + w + "=VALUE)", ExitCodes.USAGE);
                }
            }
            return out;
        }
    }
}
