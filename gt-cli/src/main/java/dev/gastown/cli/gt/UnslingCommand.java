package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "unsling", aliases = "unhook", description = "Take the work off an agent's hook (yours by"
        + " default); unfinished work goes back to open and unassigned.")
final class UnslingCommand extends GtCommand {
    @Parameters(paramLabel = "TARGET", arity = "0..1", description = "Whose hook (default: yours).")
    String target;

    @Override
    int execute() {
        Address who = target == null ? me() : new Directory(town()).resolve(target);
        Optional<Hooked> removed = new Hooks(ledger()).unhook(who);
        if (json()) {
            out().json(new JsonObject().put("agent", who.toString()).put("removed", removed.map(Hooked::id)
                    .orElse("")));
        } else {
            out().line(removed.map(h -> "Took " + h.id() + " off " + who + "'s hook")
                    .orElse("Nothing was on " + who + "'s hook"));
        }
        return ExitCodes.OK;
    }
}
