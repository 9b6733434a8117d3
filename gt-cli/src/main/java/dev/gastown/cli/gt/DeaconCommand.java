package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "deacon", description = "Manage the Deacon's session (the town's patrol agent).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class DeaconCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }
}
