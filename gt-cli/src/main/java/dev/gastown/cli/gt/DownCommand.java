package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.identity.Address;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "down", description = "Stop the town's services: the daemon is told a shutdown is in progress (so it"
        + " restarts nothing), then Boot, the Deacon, the Witnesses and Refineries, the Mayor, and the daemon stop."
        + " Polecats and crew keep running (gt shutdown stops them too).")
final class DownCommand extends GtCommand {
    @Override
    int execute() {
        TownControl.shuttingDown(town(), true);
        TownControl control = new TownControl(this);
        List<Address> order = new ArrayList<>(List.of(Address.BOOT));
        order.addAll(TownControl.townAgents(town(), true));
        order.remove(Address.MAYOR);
        order.add(Address.MAYOR);
        control.stop(order, "gt down");
        boolean daemon = DaemonCommand.stopDaemon(town());
        out().line(String.format("%-28s %s", "daemon", daemon ? "stopped" : "not running"));
        if (json()) {
            out().json(new JsonObject().put("agents", control.report()).put("daemon_stopped", daemon));
        }
        return ExitCodes.OK;
    }
}
