package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.workers.Crew;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "crew", description = "Manage crew: persistent workers, each a full clone of the rig's origin that"
        + " pushes to the default branch directly.", subcommands = {CrewCommand.Add.class, CrewCommand.ListCrew.class,
            CrewCommand.Remove.class, SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
            SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class CrewCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    /** The rig named by --rig, else the caller's own rig. */
    static String rig(GtCommand cmd, String option) {
        if (option != null) {
            return option;
        }
        return cmd.me().rig().orElseThrow(() -> new GtException("which rig? give --rig RIG"));
    }

    @Command(name = "add", description = "Add a crew member: a clone of the rig's origin at RIG/crew/NAME, its .beads"
            + " pointing at the rig's store, and its agent bead.")
    static final class Add extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--rig", paramLabel = "RIG", description = "Default: your own rig.")
        String rig;

        @Option(names = "--branch", description = "Work on a new branch crew/NAME instead of the default branch.")
        boolean branch;

        @Override
        int execute() {
            Crew.Member m = new Crew(ledger()).add(rig(this, rig), name, branch);
            if (json()) {
                out().json(new JsonObject().put("address", m.address().toString()).put("path", m.dir().toString())
                        .put("branch", m.branch()));
            } else {
                out().line("Added " + m.address() + " at " + m.dir() + " on branch " + m.branch());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", aliases = "ls", description = "Crew of a rig (or every rig): branch, uncommitted files,"
            + " commits on no remote branch, agent state, hook.")
    static final class ListCrew extends GtCommand {
        @Option(names = "--rig", paramLabel = "RIG", description = "Default: every rig.")
        String rig;

        @Override
        int execute() {
            List<String> rigs = rig != null ? List.of(rig) : Rig.all(town()).stream().map(Rig::name).toList();
            Crew crew = new Crew(ledger());
            List<Crew.Status> all = new ArrayList<>();
            rigs.forEach(r -> all.addAll(crew.list(r)));
            if (json()) {
                JsonArray a = new JsonArray();
                all.forEach(s -> a.add(s.toJson()));
                out().json(a);
            } else if (all.isEmpty()) {
                out().line("No crew.");
            } else {
                for (Crew.Status s : all) {
                    out().line(String.format("%-24s %-9s %-20s hook=%s dirty=%d unpushed=%d",
                            s.member().address(), s.state().key(), s.member().branch(),
                            s.hook().isEmpty() ? "-" : s.hook(), s.dirty().size(), s.unpushed().size()));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", aliases = "rm", description = "Remove a crew member's clone and retire its agent bead."
            + " Refused while the clone has uncommitted changes, stashes or unpushed commits, or work is on its"
            + " hook, unless --force.")
    static final class Remove extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--rig", paramLabel = "RIG", description = "Default: your own rig.")
        String rig;

        @Option(names = {"-f", "--force"}, description = "Remove even with work that exists nowhere else.")
        boolean force;

        @Override
        int execute() {
            Address.Crew a = new Address.Crew(rig(this, rig), name);
            new Crew(ledger()).remove(a, force);
            if (json()) {
                out().json(new JsonObject().put("removed", a.toString()));
            } else {
                out().line("Removed " + a);
            }
            return ExitCodes.OK;
        }
    }
}
