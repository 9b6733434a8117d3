package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "start", description = "Start the Deacon and the Mayor (with --all, every rig's Witness and"
        + " Refinery too), without the daemon; gt up also starts the daemon.")
final class StartCommand extends GtCommand {
    @Option(names = {"-a", "--all"}, description = "Also every rig's Witness and Refinery.")
    boolean all;

    @Override
    int execute() {
        TownControl.shuttingDown(town(), false);
        TownControl control = new TownControl(this);
        boolean ok = control.start(TownControl.townAgents(town(), all));
        if (json()) {
            out().json(new JsonObject().put("agents", control.report()).put("ok", ok));
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
