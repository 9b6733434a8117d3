package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "refinery", description = "Manage a rig's Refinery session (it drains the merge queue).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class RefineryCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }
}
