package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Bring the town up, idempotently: the daemon, then the Deacon, the Mayor, and"
        + " every rig's Witness and Refinery. Clears a shutdown in progress. Exit 1 if anything failed to start.")
final class UpCommand extends GtCommand {
    @Override
    int execute() {
        TownControl.shuttingDown(town(), false);
        long pid = DaemonCommand.startDetached(this);
        out().line(String.format("%-28s running (pid %d)", "daemon", pid));
        TownControl control = new TownControl(this);
        boolean ok = control.start(TownControl.townAgents(town(), true));
        if (json()) {
            out().json(new JsonObject().put("daemon_pid", pid).put("agents", control.report()).put("ok", ok));
        }
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
