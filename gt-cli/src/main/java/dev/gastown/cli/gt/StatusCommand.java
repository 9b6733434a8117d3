package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.status.TownStatus;
import picocli.CommandLine.Command;

@Command(name = "status", aliases = "stat", description = "The town at a glance: every agent (session running,"
        + " state, hook, unread mail), each rig's open issues and merge queue, open convoys.")
final class StatusCommand extends GtCommand {
    @Override
    int execute() {
        TownStatus.Snapshot s = new TownStatus(ledger()).snapshot();
        if (json()) {
            out().json(s.toJson());
        } else {
            s.lines().forEach(out()::line);
        }
        return ExitCodes.OK;
    }
}
