package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.work.HookState;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.HookedMolecules;
import dev.gastown.core.work.Hooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mol", aliases = "molecule", description = "Work the molecule on your hook: where it stands, the"
        + " step to run, closing a step and claiming the next, squashing or burning it.",
        subcommands = {MolCommand.Status.class, MolCommand.Current.class, MolCommand.Progress.class,
            MolCommand.Step.class, MolCommand.Burn.class, MolCommand.Squash.class})
final class MolCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    /** The agent a subcommand is about: {@code target}, or the caller. */
    static Address agent(GtCommand cmd, String target) {
        Address who = target == null ? cmd.me() : new Directory(cmd.town()).resolve(target);
        if (who.role() == Role.OVERSEER) {
            throw new GtException("the overseer has no hook: name an agent (for example gt mol status mayor/)");
        }
        return who;
    }

    static HookView view(GtCommand cmd, Address who) {
        return HookView.of(who, new Hooks(cmd.ledger()).find(who));
    }

    @Command(name = "status", description = "What is on an agent's hook (yours by default): the bead, its molecule"
            + " and the step to work on.")
    static final class Status extends GtCommand {
        @Parameters(paramLabel = "TARGET", arity = "0..1", description = "An agent's address.")
        String target;

        @Override
        int execute() {
            HookView view = view(this, agent(this, target));
            if (json()) {
                out().json(view.toJson());
            } else {
                view.lines().forEach(out()::line);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "current", description = "The step an agent (you by default) should be working on, with its"
            + " description, and where the molecule stands: working, ready, waiting, complete, bead (no molecule)"
            + " or empty.")
    static final class Current extends GtCommand {
        @Parameters(paramLabel = "TARGET", arity = "0..1", description = "An agent's address.")
        String target;

        @Override
        int execute() {
            Address who = agent(this, target);
            HookView view = view(this, who);
            HookState state = HookState.of(view);
            JsonObject o = new JsonObject().put("agent", who.toString()).put("state", state.key());
            view.hooked().ifPresent(h -> o.put("hooked_id", h.id()));
            view.progress().ifPresent(p -> o.put("molecule_id", p.molecule()).put("molecule_title", p.title())
                    .put("total", p.total()).put("done", p.done()));
            view.step().ifPresent(s -> o.put("step", new JsonObject().put("id", s.id()).put("title", s.title())
                    .put("status", s.status().name()).put("description", s.description())));
            if (json()) {
                out().json(o);
                return ExitCodes.OK;
            }
            out().line(who + ": " + state.key());
            view.progress().ifPresent(p -> out().line("Molecule: " + p.molecule() + " \"" + p.title() + "\": "
                    + p.done() + "/" + p.total() + " steps done"));
            view.step().ifPresent(s -> {
                out().line("Step: " + s.id() + " \"" + s.title() + "\" (" + s.status().name() + ")");
                out().line("");
                out().line(s.description());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "progress", description = "Step counts of a molecule (its root or any step).")
    static final class Progress extends GtCommand {
        @Parameters(paramLabel = "ROOT")
        String root;

        @Override
        int execute() {
            JsonObject o = new HookedMolecules(ledger()).progress(root);
            if (json()) {
                out().json(o);
            } else {
                long total = o.get("total").asLong();
                long done = o.get("completed").asLong();
                out().line(o.string("molecule_id") + " \"" + o.string("molecule_title") + "\": " + done + "/"
                        + total + " steps done, " + o.get("in_progress").asLong() + " in progress, "
                        + o.get("ready").asLong() + " ready" + (o.has("current_step_id") ? "; at "
                        + o.string("current_step_id") : ""));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "step", description = "Molecule step operations.",
            subcommands = {MolCommand.StepDone.class, MolCommand.AwaitSignal.class})
    static final class Step extends GtCommand {
        @Override
        int execute() {
            spec.commandLine().usage(env().out());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "done", description = "Close a step and claim the next ready one, as bd close --continue does."
            + " The action is continue (a step was claimed), wait (open steps remain, none ready) or complete; a"
            + " completed molecule that hangs on a hook is closed and taken off it.")
    static final class StepDone extends GtCommand {
        @Parameters(paramLabel = "STEP")
        String step;

        @Override
        int execute() {
            HookedMolecules.StepDone d = new HookedMolecules(ledger()).stepDone(step);
            if (json()) {
                out().json(d.toJson());
                return ExitCodes.OK;
            }
            out().line(d.stepClosed() ? "✓ Closed " + d.stepId() : d.stepId() + " was already closed");
            switch (d.action()) {
                case CONTINUE -> d.next().ifPresent(n -> {
                    out().line("→ Claimed next step: " + n.id() + " \"" + n.title() + "\"");
                    out().line("");
                    out().line(n.description());
                });
                case WAIT -> out().line("No step of " + d.moleculeId() + " is ready: the open steps wait on"
                        + " something (bd blocked --parent " + d.moleculeId() + ").");
                case COMPLETE -> out().line("Molecule " + d.moleculeId() + " is complete" + d.unhooked()
                        .map(a -> "; it was closed and taken off " + a + "'s hook.").orElse("."));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "burn", description = "Remove the molecule on a hook (yours by default) without a digest. A"
            + " molecule attached to the hooked bead is detached; a hooked molecule leaves the hook.")
    static final class Burn extends GtCommand {
        @Parameters(paramLabel = "TARGET", arity = "0..1", description = "An agent's address.")
        String target;

        @Option(names = {"-f", "--force"}, description = "Burn a persistent (poured) molecule too: its issues are"
                + " tombstoned.")
        boolean force;

        @Override
        int execute() {
            Squashing.Burned b = new HookedMolecules(ledger()).burn(agent(this, target), force);
            if (json()) {
                out().json(b.toJson());
            } else {
                out().line("Burned " + b.moleculeId() + " (" + b.deletedIds().size() + " issues"
                        + (b.tombstoned() ? ", tombstoned" : "") + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "squash", description = "Squash the molecule on a hook (yours by default) into a permanent"
            + " digest; its wisp steps go. A hooked molecule leaves the hook.")
    static final class Squash extends GtCommand {
        @Parameters(paramLabel = "TARGET", arity = "0..1", description = "An agent's address.")
        String target;

        @Option(names = "--summary", paramLabel = "TEXT", description = "The digest's text (default: generated"
                + " from the steps).")
        String summary;

        @Override
        int execute() {
            Squashing.Squashed s = new HookedMolecules(ledger()).squash(agent(this, target), summary);
            if (json()) {
                out().json(s.toJson());
            } else {
                out().line("Squashed " + s.moleculeId() + " into digest " + s.digestId() + " ("
                        + s.squashedIds().size() + " steps)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "await-signal", description = "Wait between patrol cycles: return at once on mail, a queued nudge"
            + " or work for you in the town, else after a backoff that doubles with each idle wait (base × mult^idle,"
            + " capped; settings/config.json daemon.patrol_backoff_max_seconds caps it town-wide).")
    static final class AwaitSignal extends GtCommand {
        @Option(names = "--backoff-base", paramLabel = "DURATION", defaultValue = "30s")
        String base;

        @Option(names = "--backoff-mult", paramLabel = "X", defaultValue = "2")
        double mult;

        @Option(names = "--backoff-max", paramLabel = "DURATION", defaultValue = "5m")
        String max;

        @Option(names = "--quiet", description = "Print nothing.")
        boolean quiet;

        @Override
        int execute() {
            java.time.Duration cap = dev.gastown.core.daemon.Thresholds.read(town()).patrolBackoffMax();
            java.time.Duration limit = duration(max).compareTo(cap) > 0 ? cap : duration(max);
            dev.gastown.core.patrol.AwaitSignal.Result r = new dev.gastown.core.patrol.AwaitSignal(ledger())
                    .await(me(), duration(base).compareTo(limit) > 0 ? limit : duration(base), mult, limit);
            if (json()) {
                out().json(r.toJson());
            } else if (!quiet) {
                out().line("Woke on " + r.signal() + " after " + r.waitedMillis() / 1000 + " s (idle " + r.idle()
                        + ")");
            }
            return ExitCodes.OK;
        }

        /** {@code 90}, {@code 90s}, {@code 5m} or {@code 1h}. */
        static java.time.Duration duration(String text) {
            String t = text.strip();
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'h' -> 3600;
                case 'm' -> 60;
                default -> 1;
            };
            String digits = t.replaceAll("[smh]$", "");
            try {
                return java.time.Duration.ofSeconds(Long.parseLong(digits) * unit);
            } catch (NumberFormatException e) {
                throw new dev.gastown.cli.CliException("not a duration: " + text + " (use 30s, 5m, 1h)",
                        ExitCodes.USAGE);
            }
        }
    }
}
