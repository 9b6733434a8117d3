package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "install", description = "Create a town: mayor/town.json, rigs.json, the town's beads (prefix hq),"
        + " the Mayor's and Deacon's agent beads, role homes and the Mayor's context file.")
final class InstallCommand extends GtCommand {
    @Parameters(paramLabel = "DIR", defaultValue = ".", description = "Where the town goes (default: here).")
    String dir;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "The town's name (default: DIR's name).")
    String name;

    @Option(names = "--owner", paramLabel = "EMAIL", description = "Default: git's user.email.")
    String owner;

    @Option(names = {"-f", "--force"}, description = "Install into a non-empty directory or over a town.")
    boolean force;

    @Option(names = "--git", description = "Make the town a git repository that tracks its beads.")
    boolean git;

    @Override
    int execute() {
        Town town = TownInstaller.install(new TownInstaller.Request(env().cwd().resolve(dir), name, owner, force,
                git, env().env()));
        if (json()) {
            out().json(new JsonObject().put("town", town.root().toString()).put("beads_prefix", "hq"));
        } else {
            out().line("Created town at " + town.root());
            out().line("Next: gt rig add NAME GIT_URL");
        }
        return ExitCodes.OK;
    }
}
