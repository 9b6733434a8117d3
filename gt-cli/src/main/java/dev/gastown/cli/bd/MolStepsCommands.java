package dev.gastown.cli.bd;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.mol.Molecules;
import dev.gastown.beads.mol.StepState;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.cli.FormulaViews;
import dev.gastown.core.formula.Formula;
import dev.gastown.core.formula.FormulaLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The commands that look at a molecule's steps: where it stands, what comes next. */
final class MolStepsCommands {
    /** Above this many steps, {@code current} and {@code show} summarise instead of listing. */
    static final int LISTED_STEPS = 100;

    private MolStepsCommands() {
    }

    /** The molecule the actor is working in: the root above its in-progress or hooked issue. */
    static String inferMolecule(BdCommand cmd, StoreView v) {
        List<String> roots = new ArrayList<>();
        String me = cmd.actor();
        v.forEachActive((IssueRow row) -> {
            Status s = row.status();
            if ((s.equals(Status.IN_PROGRESS) || s.equals(Status.HOOKED)) && row.assignee().equals(me)) {
                String root = Molecules.rootOf(v, row.id()).orElse(Molecules.isRoot(v, row.id()) ? row.id() : null);
                if (root != null && !roots.contains(root)) {
                    roots.add(root);
                }
            }
        });
        if (roots.size() == 1) {
            return roots.get(0);
        }
        throw new CliException(roots.isEmpty() ? "no molecule in progress for " + me + "; name one"
                : me + " is working in several molecules (" + String.join(", ", roots) + "); name one");
    }

    @Command(name = "current", description = "Where a molecule stands: each step done, current, ready or pending, "
            + "and the next step. Wisp steps count as ready like any other.")
    static final class Current extends BdCommand {
        @Parameters(arity = "0..1", paramLabel = "MOLECULE", description = "Default: the one you are working in.")
        String molecule;

        @Override
        int execute() {
            JsonObject[] json = new JsonObject[1];
            List<String> lines = store().read((StoreView v) -> {
                String root = molecule == null ? inferMolecule(this, v) : Molecules.rootOrSelf(v, resolve(v, molecule));
                MolCommand.requireMolecule(v, root);
                Molecules.Progress p = Molecules.progress(v, root);
                Issue rootIssue = v.get(root);
                JsonObject o = new JsonObject().put("molecule_id", root).put("molecule_title", rootIssue.title())
                        .put("total", p.total()).put("done", p.done()).put("in_progress", p.inProgress())
                        .put("ready", p.ready()).put("current", BdJson.strings(p.current()));
                List<String> text = new ArrayList<>();
                text.add(root + ": " + rootIssue.title() + " — " + p.done() + "/" + p.total() + " done");
                String next = p.nextStep();
                if (p.total() <= LISTED_STEPS) {
                    JsonArray steps = new JsonArray();
                    next = null;
                    for (IssueSummary s : Molecules.steps(v, root)) {
                        StepState st = Molecules.state(v, s);
                        Issue i = v.get(s.id());
                        steps.add(MolCommand.stepJson(s, i, st));
                        text.add(String.format("  [%-7s] %s: %s", st.name().toLowerCase(Locale.ROOT), s.id(),
                                i.title()));
                        if (next == null && st == StepState.READY) {
                            next = s.id();
                        }
                    }
                    o.put("steps", steps);
                } else {
                    o.put("summary", true);
                }
                o.put("next_step", MolCommand.orNull(MolCommand.nextJson(v, next)));
                o.put("complete", p.done() == p.total());
                text.add(next == null ? (p.done() == p.total() ? "Complete." : "No step is ready.")
                        : "Next: " + next + ": " + v.get(next).title());
                json[0] = o;
                return text;
            });
            if (json()) {
                out().json(json[0]);
            } else {
                lines.forEach(out()::line);
            }
            return 0;
        }
    }

    @Command(name = "progress", description = "Step counts of a molecule, fast even for a million steps.")
    static final class Progress extends BdCommand {
        @Parameters(paramLabel = "MOLECULE")
        String molecule;

        @Override
        int execute() {
            JsonObject o = store().read((StoreView v) -> {
                String root = Molecules.rootOrSelf(v, resolve(v, molecule));
                return Molecules.progress(v, root).toJson(v.get(root).title());
            });
            if (json()) {
                out().json(o);
            } else {
                long total = o.get("total").asLong();
                long done = o.get("completed").asLong();
                out().line(o.string("molecule_id") + ": " + done + "/" + total + " steps done"
                        + (total == 0 ? "" : String.format(" (%.1f%%)", 100.0 * done / total))
                        + (o.has("current_step_id") ? ", at " + o.string("current_step_id") : ""));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "A molecule's root and its steps in order, with their state.")
    static final class Show extends BdCommand {
        @Parameters(paramLabel = "MOLECULE")
        String molecule;

        @Override
        int execute() {
            List<String> text = new ArrayList<>();
            JsonObject o = store().read((StoreView v) -> {
                String root = Molecules.rootOrSelf(v, resolve(v, molecule));
                MolCommand.requireMolecule(v, root);
                Issue r = v.get(root);
                List<IssueSummary> steps = Molecules.steps(v, root);
                JsonArray a = new JsonArray();
                text.add(Display.line(r));
                int n = 0;
                for (IssueSummary s : steps) {
                    if (n++ == LISTED_STEPS * 10) {
                        text.add("  ... and " + (steps.size() - n + 1) + " more steps");
                        break;
                    }
                    StepState st = Molecules.state(v, s);
                    Issue i = v.get(s.id());
                    a.add(MolCommand.stepJson(s, i, st));
                    text.add(String.format("  %-7s %s: %s", st.name().toLowerCase(Locale.ROOT), s.id(), i.title()));
                }
                return new JsonObject().put("root", BdJson.issue(r)).put("step_count", steps.size()).put("steps", a);
            });
            if (json()) {
                out().json(o);
            } else {
                text.forEach(out()::line);
            }
            return 0;
        }
    }

    @Command(name = "steps", description = "A molecule's steps in order, one JSON line each (id, title, state): "
            + "what an executor reads to rebuild its state from the molecule alone.")
    static final class Steps extends BdCommand {
        @Parameters(paramLabel = "MOLECULE")
        String molecule;

        @picocli.CommandLine.Option(names = "--state", paramLabel = "STATE",
                description = "Only steps in this state: done, current, blocked, ready or pending.")
        String state;

        @Override
        int execute() {
            StepState wanted = state == null ? null : parseState(state);
            java.io.PrintStream out = env().out();
            store().read((StoreView v) -> {
                String root = Molecules.rootOrSelf(v, resolve(v, molecule));
                MolCommand.requireMolecule(v, root);
                for (IssueSummary s : Molecules.steps(v, root)) {
                    StepState st = Molecules.state(v, s);
                    if (wanted == null || st == wanted) {
                        out.println(dev.gastown.beads.json.JsonWriter.compact(new JsonObject().put("id", s.id())
                                .put("title", v.get(s.id()).title()).put("state", st.name().toLowerCase(Locale.ROOT))));
                    }
                }
                return null;
            });
            out.flush();
            return 0;
        }

        private static StepState parseState(String s) {
            try {
                return StepState.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CliException("invalid --state \"" + s + "\" (done, current, blocked, ready or pending)");
            }
        }
    }

    @Command(name = "catalog", description = "What can be poured: formulas on the search path and persisted protos.")
    static final class Catalog extends BdCommand {
        @Override
        int execute() {
            FormulaLibrary library = FormulaAccess.library(env(), FormulaCommand.projectDir(this));
            JsonArray a = new JsonArray();
            for (FormulaLibrary.Entry e : library.list()) {
                Formula f = library.load(e.name());
                a.add(new JsonObject().put("id", e.name()).put("title", e.name())
                        .put("description", FormulaViews.firstLine(f.description()))
                        .put("source", "formula:" + e.root().label()));
            }
            store().read((StoreView v) -> {
                v.forEachActive((IssueRow row) -> {
                    if (row.template() && row.summary().parents().isEmpty()) {
                        Issue i = v.get(row.id());
                        a.add(new JsonObject().put("id", i.id()).put("title", i.title())
                                .put("description", FormulaViews.firstLine(i.description())).put("source", "proto"));
                    }
                });
                return null;
            });
            if (json()) {
                out().json(a);
            } else {
                a.forEach(e -> out().line(String.format("%-32s %-16s %s", e.asObject().string("id"),
                        e.asObject().string("source"), e.asObject().string("description"))));
            }
            return 0;
        }
    }
}
