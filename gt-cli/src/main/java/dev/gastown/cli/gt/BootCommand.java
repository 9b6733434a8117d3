package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.daemon.BootTriage;
import dev.gastown.core.daemon.Heartbeat;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "boot", description = "Boot, the Deacon's watchdog: the daemon starts it every few minutes to look"
        + " at the Deacon with fresh eyes.", subcommands = {BootCommand.Triage.class, SessionVerbs.Start.class,
        SessionVerbs.Stop.class, SessionVerbs.Status.class, SessionVerbs.Attach.class})
final class BootCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "triage", description = "Decide about the Deacon and act: start it if it is not running, nudge it"
            + " if its heartbeat is 15 minutes old, restart it at 30; otherwise nothing.")
    static final class Triage extends GtCommand {
        @Override
        int execute() {
            List<Heartbeat.Action> actions = new BootTriage(agentSessions()).triage(Instant.now());
            if (json()) {
                JsonArray a = new JsonArray();
                actions.forEach(x -> a.add(x.toJson()));
                out().json(a);
            } else {
                actions.forEach(x -> out().line(x.toString()));
            }
            return ExitCodes.OK;
        }
    }
}
