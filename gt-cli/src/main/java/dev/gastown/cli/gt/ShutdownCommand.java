package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "shutdown", description = "Stop everything: the daemon is told first, then every agent session"
        + " (Deacon and Boot first, the Mayor last), then the daemon. Worktrees, branches and beads are kept;"
        + " gt up brings the town back and the work continues from the hooks.")
final class ShutdownCommand extends GtCommand {
    @Override
    int execute() {
        TownControl.shuttingDown(town(), true);
        TownControl control = new TownControl(this);
        control.stop(control.allRunning(), "gt shutdown");
        boolean daemon = DaemonCommand.stopDaemon(town());
        out().line(String.format("%-28s %s", "daemon", daemon ? "stopped" : "not running"));
        agentSessions().sessions().tmux().killServer();
        if (json()) {
            out().json(new JsonObject().put("agents", control.report()).put("daemon_stopped", daemon));
        }
        return ExitCodes.OK;
    }
}
