package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.daemon.BootTriage;
import dev.gastown.core.town.JsonFiles;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "deacon", description = "Manage the Deacon's session (the town's patrol agent).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class, DeaconCommand.Beat.class})
final class DeaconCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "heartbeat", description = "Record that the Deacon is alive (its patrol does this each cycle);"
            + " Boot and the daemon read it.")
    static final class Beat extends GtCommand {
        @Parameters(paramLabel = "ACTION", arity = "0..1", defaultValue = "patrol",
                description = "What the Deacon was doing.")
        String action;

        @Override
        int execute() {
            java.nio.file.Path file = BootTriage.heartbeatFile(town());
            long cycle = JsonFiles.readIfExists(file).flatMap(o -> o.find("cycle")).map(JsonValue::asLong).orElse(0L);
            JsonObject beat = new JsonObject().put("timestamp", Instant.now().toString()).put("cycle", cycle + 1)
                    .put("last_action", action);
            JsonFiles.write(file, beat);
            if (json()) {
                out().json(beat);
            } else {
                out().line("Heartbeat " + (cycle + 1) + " recorded.");
            }
            return ExitCodes.OK;
        }
    }
}
