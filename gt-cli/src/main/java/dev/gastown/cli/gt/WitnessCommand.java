package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "witness", description = "Manage a rig's Witness session (it watches the polecats).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class WitnessCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }
}
