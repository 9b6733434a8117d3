package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.doctor.Check;
import dev.gastown.core.doctor.TownDoctor;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = "Check the town: layout, rigs and their repositories, routes, agent beads,"
        + " worktrees, every beads store, the tmux socket file. Exit 1 when a problem remains.")
final class DoctorCommand extends GtCommand {
    @Option(names = "--fix", description = "Repair what needs no judgement: routes, missing agent beads, stale"
            + " worktree records, store indexes, the socket file.")
    boolean fix;

    @Override
    int execute() {
        List<Check> checks = new TownDoctor(ledger(), fix).run();
        boolean healthy = checks.stream().allMatch(Check::ok);
        if (json()) {
            JsonArray a = new JsonArray();
            checks.forEach(c -> a.add(c.toJson()));
            out().json(new JsonObject().put("healthy", healthy).put("checks", a));
        } else {
            checks.forEach(c -> out().line(c.line()));
            out().line(healthy ? "The town is healthy." : "Problems remain" + (fix ? "." : "; gt doctor --fix"
                    + " repairs the ones marked fixable."));
        }
        return healthy ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
