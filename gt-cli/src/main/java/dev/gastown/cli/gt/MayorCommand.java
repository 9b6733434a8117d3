package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "mayor", description = "Manage the Mayor's session (the Overseer's concierge agent).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class MayorCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }
}
