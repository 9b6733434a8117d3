package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.WispGc;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.maintenance.OrphanReaper;
import dev.gastown.core.maintenance.StaleBranches;
import dev.gastown.core.maintenance.WispSweep;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.workers.Dogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "dog", aliases = "dogs", description = "The Deacon's dogs: town-level workers for maintenance"
        + " (gt sling WORK deacon/dogs gives work to an idle one), and the maintenance jobs they run.",
        subcommands = {DogCommand.Add.class, DogCommand.ListDogs.class, DogCommand.Remove.class,
                DogCommand.GcWisps.class, DogCommand.StaleBranchesJob.class, DogCommand.ReapOrphans.class})
final class DogCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "add", description = "Add a dog: its home deacon/dogs/NAME and its agent bead (idle).")
    static final class Add extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int execute() {
            Dogs.Dog d = new Dogs(ledger()).add(name);
            if (json()) {
                out().json(new JsonObject().put("address", d.address().toString()).put("path", d.home().toString()));
            } else {
                out().line("Added " + d.address() + " at " + d.home());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", aliases = "ls", description = "The dogs: agent state, and the work on each one's hook"
            + " (idle when none).")
    static final class ListDogs extends GtCommand {
        @Override
        int execute() {
            List<Dogs.Status> dogs = new Dogs(ledger()).list();
            if (json()) {
                JsonArray a = new JsonArray();
                dogs.forEach(d -> a.add(d.toJson()));
                out().json(a);
            } else if (dogs.isEmpty()) {
                out().line("No dogs. Add one with gt dog add NAME, or sling work to deacon/dogs.");
            } else {
                for (Dogs.Status d : dogs) {
                    out().line(String.format("%-24s %-9s %s", d.dog().address(), d.state().key(),
                            d.work().map(w -> "working on " + w).orElse("-")));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", aliases = "rm", description = "Remove dogs: stop their sessions, delete their homes,"
            + " retire their agent beads. Refused for a dog with unfinished work on its hook, unless --force (the"
            + " work then goes back to open).")
    static final class Remove extends GtCommand {
        @Parameters(paramLabel = "NAME", arity = "1..*")
        List<String> names = new ArrayList<>();

        @Option(names = {"-f", "--force"}, description = "Remove even a dog with work on its hook.")
        boolean force;

        @Override
        int execute() {
            Dogs dogs = new Dogs(ledger());
            JsonArray removed = new JsonArray();
            for (String name : names) {
                Dogs.Dog d = dogs.remove(name, force, a -> agentSessions().stop(a, "dog removed"));
                removed.add(d.address().toString());
                if (!json()) {
                    out().line("Removed " + d.address());
                }
            }
            if (json()) {
                out().json(new JsonObject().put("removed", removed));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "gc-wisps", description = "Remove finished or abandoned wisp molecules from the town's store and"
            + " every rig's. Never touches a molecule with an issue hooked or in progress, or one that is on (or"
            + " attached to the work on) an agent's hook.")
    static final class GcWisps extends GtCommand {
        @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "24h",
                description = "Abandoned: nothing in it changed for this long (30m, 6h; default 24h).")
        String olderThan;

        @Option(names = "--dry-run", description = "Say what would be removed; remove nothing.")
        boolean dryRun;

        @Override
        int execute() {
            Duration age = MolCommand.AwaitSignal.duration(olderThan);
            if (age.isNegative()) {
                throw new CliException("--older-than cannot be negative", ExitCodes.USAGE);
            }
            WispSweep.Report r = new WispSweep(ledger()).run(age, dryRun, Instant.now());
            if (json()) {
                out().json(r.toJson());
                return ExitCodes.OK;
            }
            for (Map.Entry<String, WispGc.Plan> store : r.stores().entrySet()) {
                WispGc.Plan p = store.getValue();
                out().line(store.getKey() + ": " + (p.collected().isEmpty() ? "nothing to collect"
                        : (dryRun ? "would remove " : "removed ") + p.collected().size() + " wisp molecule(s), "
                                + p.wispIds().size() + " issue(s): " + p.collected().stream()
                                        .map(c -> c.rootId() + " (" + c.reason().key() + ")")
                                        .collect(Collectors.joining(", ")))
                        + (p.kept().isEmpty() ? "" : "; kept " + p.kept().stream()
                                .map(k -> k.rootId() + " (" + k.hold().key() + ")")
                                .collect(Collectors.joining(", "))));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "stale-branches", description = "Delete polecat/* branches in a rig's shared repository and the"
            + " Mayor's clone whose work is on the target branch and that no live worktree has checked out. Never"
            + " deletes an unmerged branch or one an open merge request names.")
    static final class StaleBranchesJob extends GtCommand {
        @Parameters(paramLabel = "RIG", arity = "0..1", description = "Default: every rig.")
        String rig;

        @Option(names = "--dry-run", description = "Say what would be deleted; delete nothing.")
        boolean dryRun;

        @Override
        int execute() {
            List<StaleBranches.Decision> decisions = new StaleBranches(ledger()).sweep(rig, dryRun);
            if (json()) {
                JsonArray a = new JsonArray();
                decisions.forEach(d -> a.add(d.toJson()));
                out().json(new JsonObject().put("dry_run", dryRun).put("branches", a));
                return ExitCodes.OK;
            }
            if (decisions.isEmpty()) {
                out().line("No polecat branches" + (rig == null ? "" : " in " + rig) + ".");
            }
            for (StaleBranches.Decision d : decisions) {
                String what = d.rig() + " " + d.repo() + " " + d.branch();
                out().line(switch (d.verdict()) {
                    case DELETED -> "deleted " + what + " (was " + d.sha().substring(0, 12) + ")";
                    case WOULD_DELETE -> "would delete " + what;
                    case KEPT -> "kept " + what + ": " + d.reason();
                });
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "reap-orphans", description = "Stop agent processes of this town (GT_ROOT is this town, GT_SESSION"
            + " set) that no pane of the town's tmux server owns any more, with their process trees. Linux only (it"
            + " reads /proc); never the tmux server, the daemon or the caller's own tree.")
    static final class ReapOrphans extends GtCommand {
        @Option(names = "--dry-run", description = "List the orphans; stop nothing.")
        boolean dryRun;

        @Option(names = "--min-age", paramLabel = "DURATION", defaultValue = "1m",
                description = "Leave processes younger than this alone (one being started may not be in its pane"
                        + " yet; default 1m).")
        String minAge;

        @Override
        int execute() {
            OrphanReaper.Report report = new OrphanReaper(ledger(), TownTmux.sessions(town()))
                    .reap(dryRun, MolCommand.AwaitSignal.duration(minAge), Instant.now());
            if (json()) {
                out().json(report.toJson());
            }
            if (report instanceof OrphanReaper.Unsupported u) {
                if (!json()) {
                    out().line("reap-orphans: " + u.why());
                }
                return ExitCodes.OK;
            }
            OrphanReaper.Swept s = (OrphanReaper.Swept) report;
            boolean survivors = s.orphans().stream().anyMatch(o -> o.verdict() == OrphanReaper.Verdict.SURVIVED);
            if (!json()) {
                out().line(s.agentProcesses() + " agent process(es) of this town, " + s.orphans().size()
                        + " orphan tree(s)" + (s.unreadable() > 0 ? " (" + s.unreadable()
                        + " processes not readable)" : ""));
                for (OrphanReaper.Orphan o : s.orphans()) {
                    out().line("  " + switch (o.verdict()) {
                        case REAPED -> "stopped";
                        case WOULD_REAP -> "would stop";
                        case SURVIVED -> "FAILED to stop";
                    } + " pid " + o.pid() + " (" + o.tree().size() + " process(es), from " + o.session() + "): "
                            + o.command() + (o.survivors().isEmpty() ? "" : "; still alive: " + o.survivors()));
                }
            }
            return survivors ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }
}
