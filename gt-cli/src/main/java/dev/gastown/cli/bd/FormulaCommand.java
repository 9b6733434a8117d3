package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.core.formula.Formula;
import dev.gastown.core.formula.FormulaLibrary;
import dev.gastown.core.formula.Step;
import java.util.List;
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
            FormulaLibrary library = FormulaAccess.library(env(), projectDir(this));
            List<FormulaLibrary.Entry> entries = library.list();
            if (json()) {
                JsonArray a = new JsonArray();
                for (FormulaLibrary.Entry e : entries) {
                    Formula f = library.load(e.name());
                    a.add(new JsonObject().put("name", e.name()).put("type", f.type().id())
                            .put("description", firstLine(f.description())).put("source", e.root().label())
                            .put("path", e.file().toString()));
                }
                out().json(a);
            } else {
                for (FormulaLibrary.Entry e : entries) {
                    Formula f = library.load(e.name());
                    out().line(String.format("%-32s %-10s %-8s %s", e.name(), f.type().id(), e.root().label(),
                            firstLine(f.description())));
                }
            }
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
            Formula f = cooker.resolve(FormulaAccess.library(env(), projectDir(this))
                    .load(FormulaAccess.nameOrPath(env(), name)));
            if (json()) {
                JsonObject vars = new JsonObject();
                f.vars().forEach((k, v) -> vars.put(k, new JsonObject().put("description", v.description())
                        .put("required", v.required()).putIfNotEmpty("default", v.defaultValue())));
                JsonArray steps = new JsonArray();
                f.steps().forEach(s -> steps.add(new JsonObject().put("id", s.id()).put("title", s.title())
                        .put("needs", BdJson.strings(s.needs()))));
                out().json(new JsonObject().put("name", f.name()).put("type", f.type().id())
                        .put("version", f.version()).put("description", f.description()).put("vars", vars)
                        .put("steps", steps));
                return 0;
            }
            out().line(f.name() + " (" + f.type().id() + ", version " + f.version() + ")");
            if (!f.description().isBlank()) {
                out().line(Display.indent(f.description().strip(), "  "));
            }
            if (!f.vars().isEmpty()) {
                out().line("Vars:");
                f.vars().forEach((k, v) -> out().line("  " + k + (v.required() ? " (required)"
                        : v.defaultValue() == null || v.defaultValue().isEmpty() ? "" : " = " + v.defaultValue())
                        + (v.description().isEmpty() ? "" : ": " + v.description())));
            }
            out().line("Steps:");
            for (Step s : f.steps()) {
                out().line("  " + s.id() + ": " + s.title() + (s.needs().isEmpty() ? ""
                        : "  (needs " + String.join(", ", s.needs()) + ")"));
            }
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

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
