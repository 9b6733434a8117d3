package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.core.daemon.Thresholds;
import dev.gastown.core.patrol.WitnessSweep;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "witness", description = "Manage a rig's Witness session (it watches the polecats).",
        subcommands = {SessionVerbs.Start.class, SessionVerbs.Stop.class, SessionVerbs.Restart.class,
                SessionVerbs.Status.class, SessionVerbs.Attach.class, WitnessCommand.Sweep.class})
final class WitnessCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "sweep", description = "The mechanical part of a Witness patrol: read the inbox (HELP goes to the"
            + " Mayor, STRANDED work is re-slung once), remove every polecat whose work is finished and merged (never"
            + " one with uncommitted or unmerged work), and nudge, then escalate, polecats that make no progress"
            + " (settings daemon.witness_stuck_seconds, default 600).")
    static final class Sweep extends GtCommand {
        @Parameters(paramLabel = "RIG", arity = "0..1", description = "Default: your rig.")
        String rig;

        @Override
        int execute() {
            String r = rig != null ? rig : me().rig().orElseThrow(() -> new dev.gastown.cli.CliException(
                    "which rig? gt witness sweep RIG", ExitCodes.USAGE));
            List<WitnessSweep.Action> actions = new WitnessSweep(agentSessions(), formulas(),
                    Thresholds.read(town()).polecatStuck()).sweep(r, Instant.now());
            if (json()) {
                JsonArray a = new JsonArray();
                actions.forEach(x -> a.add(x.toJson()));
                out().json(a);
            } else if (actions.isEmpty()) {
                out().line("Nothing to do in " + r + ".");
            } else {
                actions.forEach(x -> out().line(x.kind() + " " + x.target() + ": " + x.detail()));
            }
            return ExitCodes.OK;
        }
    }
}
