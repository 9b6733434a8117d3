package dev.gastown.cli.bd;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.mol.Bonding;
import dev.gastown.beads.mol.PourOptions;
import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.mol.Pouring;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.mol.StepState;
import dev.gastown.beads.mol.Template;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import dev.gastown.cli.FormulaAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mol", aliases = "molecule", description = "Molecules: formulas instantiated as beads, and walked.",
        subcommands = {MolCommand.Pour.class, MolWispCommand.class, MolCommand.Bond.class, MolCommand.Squash.class,
            MolCommand.Burn.class, MolStepsCommands.Current.class, MolStepsCommands.Progress.class,
            MolStepsCommands.Show.class, MolStepsCommands.Steps.class, MolStepsCommands.Catalog.class})
final class MolCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Shared by pour and wisp: instantiate, verify, report. */
    abstract static class Instantiate extends BdCommand {
        // Optional to the parser so that "bd mol wisp list" reaches its subcommand; required when instantiating.
        @Parameters(arity = "0..1", paramLabel = "FORMULA",
                description = "A formula name or path, or a persisted proto's id.")
        String source;

        @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A formula variable (repeatable).")
        List<String> vars = new ArrayList<>();

        @Option(names = "--assignee", paramLabel = "WHO", description = "Assign the molecule's root.")
        String assignee;

        @Option(names = "--dry-run", description = "Cook and count, but create nothing.")
        boolean dryRun;

        abstract boolean wisp();

        @Override
        int execute() {
            if (source == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Missing required parameter: 'FORMULA'");
            }
            Template t = MoleculeSource.template(this, source, FormulaAccess.vars(vars));
            if (dryRun) {
                if (json()) {
                    out().json(new JsonObject().put("dry_run", true).put("would_create", t.issueCount())
                            .put("edges", t.edges().size()));
                } else {
                    out().line("Would create " + t.issueCount() + " issues and " + t.edges().size()
                            + " dependencies from " + t.name() + ".");
                }
                return 0;
            }
            Poured p = Pouring.pour(store(), context(), t, new PourOptions(wisp(), assignee));
            if (json()) {
                out().json(MoleculeSource.json(p));
            } else {
                out().line("✓ " + (wisp() ? "Wisp" : "Molecule") + " " + p.rootId() + " created from " + t.name()
                        + ": " + p.created() + " issues, " + p.edges() + " dependencies (verified)");
            }
            return 0;
        }
    }

    @Command(name = "pour", description = "Instantiate a formula as a persistent molecule (exported to git).")
    static final class Pour extends Instantiate {
        @Override
        boolean wisp() {
            return false;
        }
    }

    @Command(name = "bond", aliases = "fart", description = "Join two pieces of work: molecule + molecule adds one "
            + "edge; formula + molecule pours the formula and joins it; formula + formula prints a compound proto.")
    static final class Bond extends BdCommand {
        @Parameters(index = "0", paramLabel = "A")
        String first;

        @Parameters(index = "1", paramLabel = "B")
        String second;

        @Option(names = "--type", paramLabel = "T", defaultValue = "sequential",
                description = "sequential (B after A), parallel (B under A), conditional (B only if A fails).")
        String type;

        @Option(names = "--var", paramLabel = "NAME=VALUE")
        List<String> vars = new ArrayList<>();

        @Option(names = "--pour", description = "Pour a spawned formula even if the molecule is a wisp.")
        boolean pour;

        @Option(names = "--ephemeral", description = "Wisp a spawned formula even if the molecule is persistent.")
        boolean ephemeral;

        @Override
        int execute() {
            Bonding.BondType bt = Bonding.BondType.parse(type);
            boolean firstIsMol = isMolecule(first);
            boolean secondIsMol = isMolecule(second);
            JsonObject result = new JsonObject().put("bond_type", bt.name().toLowerCase(Locale.ROOT));
            if (!firstIsMol && !secondIsMol) {
                var vs = FormulaAccess.vars(vars);
                Template compound = Bonding.compound(MoleculeSource.template(this, first, vs),
                        MoleculeSource.template(this, second, vs), bt);
                if (json()) {
                    out().json(result.put("result_type", "compound_proto")
                            .put("proto", TemplateJson.of(compound, List.of())));
                } else {
                    out().line("Compound proto " + compound.name() + ": " + compound.steps().size() + " steps");
                }
                return 0;
            }
            String a = firstIsMol ? first : null;
            String b = secondIsMol ? second : null;
            if (a == null || b == null) {
                String mol = firstIsMol ? first : second;
                boolean wisp = ephemeral || !pour && store().read(v -> v.get(mol).ephemeral());
                Poured p = Pouring.pour(store(), context(), MoleculeSource.template(this, firstIsMol ? second : first,
                        FormulaAccess.vars(vars)), new PourOptions(wisp, ""));
                result.put("spawned", p.created());
                if (a == null) {
                    a = p.rootId();
                } else {
                    b = p.rootId();
                }
            }
            String from = a;
            String to = b;
            store().write(tx -> {
                Bonding.bond(tx, context(), from, to, bt);
                return null;
            });
            if (json()) {
                out().json(result.put("result_type", "compound_molecule").put("result_id", from).put("bonded", to));
            } else {
                out().line("✓ Bonded " + to + " to " + from + " (" + bt.name().toLowerCase(Locale.ROOT) + ")");
            }
            return 0;
        }

        private boolean isMolecule(String arg) {
            return store().read(v -> v.contains(arg) && !v.summary(arg).template());
        }
    }

    @Command(name = "squash", description = "Turn a molecule's wisp steps into one closed, permanent digest.")
    static final class Squash extends BdCommand {
        @Parameters(paramLabel = "MOLECULE")
        String molecule;

        @Option(names = "--summary", paramLabel = "TEXT", description = "The digest's text (default: generated).")
        String summary;

        @Option(names = "--keep-children", description = "Keep the wisp steps.")
        boolean keepChildren;

        @Override
        int execute() {
            Squashing.Squashed s = store().write(tx -> Squashing.squash(tx, context(), resolve(tx, molecule), summary,
                    keepChildren));
            if (json()) {
                out().json(s.toJson());
            } else {
                out().line("✓ Squashed " + s.squashedIds().size() + " wisps of " + s.moleculeId() + " into digest "
                        + s.digestId());
            }
            return 0;
        }
    }

    @Command(name = "burn", description = "Remove a molecule: wisps vanish; a persistent one is tombstoned (--force).")
    static final class Burn extends BdCommand {
        @Parameters(paramLabel = "MOLECULE")
        String molecule;

        @Option(names = {"-f", "--force"}, description = "Needed to burn a persistent molecule.")
        boolean force;

        @Override
        int execute() {
            String root = store().read((StoreView v) -> resolve(v, molecule));
            List<String> deleted;
            boolean wisp = store().read((StoreView v) -> v.get(root).ephemeral());
            if (wisp && store().read((StoreView v) -> dev.gastown.beads.query.Descendants.of(v, root).size())
                    > Pouring.BULK_THRESHOLD) {
                deleted = new ArrayList<>(store().bulkDelete(v -> {
                    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
                    ids.add(root);
                    ids.addAll(dev.gastown.beads.query.Descendants.of(v, root));
                    return ids;
                }));
            } else {
                deleted = store().write(tx -> Squashing.burn(tx, context(), root, force)).deletedIds();
            }
            if (json()) {
                out().json(new JsonObject().put("molecule_id", root).put("deleted_ids",
                        deleted.size() > MoleculeSource.MAX_MAPPING ? new JsonArray() : BdJson.strings(deleted))
                        .put("deleted_count", deleted.size()));
            } else {
                out().line("✓ Burned " + root + " (" + deleted.size() + " issues)");
            }
            return 0;
        }
    }

    static JsonObject stepJson(IssueSummary s, Issue i, StepState state) {
        return new JsonObject().put("id", s.id()).put("title", i.title()).put("status", s.status().name())
                .put("state", state.name().toLowerCase(Locale.ROOT));
    }

    static JsonObject nextJson(StoreView v, String id) {
        if (id == null) {
            return null;
        }
        return new JsonObject().put("id", id).put("title", v.get(id).title());
    }

    static dev.gastown.beads.json.JsonValue orNull(JsonObject o) {
        return o == null ? JsonNull.INSTANCE : o;
    }

    static void requireMolecule(StoreView v, String root) {
        if (v.children(root).isEmpty()) {
            throw new CliException(root + " has no steps; it is not a molecule");
        }
    }
}
