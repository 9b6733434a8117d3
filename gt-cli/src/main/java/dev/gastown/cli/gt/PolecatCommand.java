package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.workers.Polecats;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "polecat", aliases = "polecats", description = "Manage polecats: ephemeral workers, each with its"
        + " own worktree and branch.", subcommands = {PolecatCommand.ListPolecats.class, PolecatCommand.Add.class,
        PolecatCommand.Nuke.class, SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
        SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class PolecatCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "list", aliases = "ls", description = "Polecats of a rig (or every rig): branch, state, hook,"
            + " uncommitted files, commits not yet merged.")
    static final class ListPolecats extends GtCommand {
        @Parameters(paramLabel = "RIG", arity = "0..1")
        String rig;

        @Override
        int execute() {
            List<String> rigs = rig != null ? List.of(rig) : Rig.all(town()).stream().map(Rig::name).toList();
            List<Polecats.Status> all = new ArrayList<>();
            Polecats polecats = new Polecats(ledger());
            rigs.forEach(r -> all.addAll(polecats.list(r)));
            if (json()) {
                JsonArray a = new JsonArray();
                all.forEach(s -> a.add(s.toJson()));
                out().json(a);
            } else if (all.isEmpty()) {
                out().line("No polecats.");
            } else {
                for (Polecats.Status s : all) {
                    out().line(String.format("%-28s %-9s %-32s hook=%s dirty=%d unmerged=%d",
                            s.polecat().address(), s.state().key(), s.polecat().branch(),
                            s.hook().isEmpty() ? "-" : s.hook(), s.uncommitted(), s.unmerged()));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "add", description = "Create a polecat (the next free pool name unless NAME is given).")
    static final class Add extends GtCommand {
        @Parameters(index = "0", paramLabel = "RIG")
        String rig;

        @Parameters(index = "1", paramLabel = "NAME", arity = "0..1")
        String name;

        @Override
        int execute() {
            Polecats.Polecat p = new Polecats(ledger()).spawn(rig, name);
            if (json()) {
                out().json(new JsonObject().put("address", p.address().toString()).put("branch", p.branch())
                        .put("path", p.dir().toString()));
            } else {
                out().line("Created " + p.address() + " on branch " + p.branch() + " at " + p.dir());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "nuke", aliases = "remove", description = "Remove polecats: worktree, branch, agent bead."
            + " Refused while a worktree has uncommitted changes, its branch has commits not merged, or work is on"
            + " its hook, unless --force.")
    static final class Nuke extends GtCommand {
        @Parameters(paramLabel = "RIG/NAME", arity = "1..*")
        List<String> targets;

        @Option(names = {"-f", "--force"}, description = "Remove even with unmerged or uncommitted work.")
        boolean force;

        @Override
        int execute() {
            Polecats polecats = new Polecats(ledger());
            JsonArray a = new JsonArray();
            for (String t : targets) {
                if (!(Address.parse(t) instanceof Address.Polecat p)) {
                    throw new GtException(t + " is not a polecat address (RIG/NAME)");
                }
                polecats.nuke(p, force);
                a.add(p.toString());
                out().line("Nuked " + p);
            }
            if (json()) {
                out().json(new JsonObject().put("nuked", a));
            }
            return ExitCodes.OK;
        }
    }
}
