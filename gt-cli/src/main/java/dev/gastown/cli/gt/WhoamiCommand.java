package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Role;
import dev.gastown.core.identity.SessionNames;
import picocli.CommandLine.Command;

@Command(name = "whoami", description = "Who gt thinks you are (from GT_ROLE, else the directory), and the names"
        + " that follow from it.")
final class WhoamiCommand extends GtCommand {
    @Override
    int execute() {
        Address me = me();
        JsonObject o = new JsonObject().put("address", me.toString()).put("role", me.role().key())
                .put("rig", me.rig().orElse("")).put("name", me.name().orElse(""));
        if (me.role() != Role.OVERSEER) {
            o.put("session", SessionNames.of(me)).put("agent_bead", AgentBeadIds.of(me))
                    .put("home", town().home(me).toString());
        }
        if (json()) {
            out().json(o);
        } else {
            o.entries().forEach(e -> {
                String v = e.getValue().asString();
                if (!v.isEmpty()) {
                    out().line(String.format("%-11s %s", e.getKey(), v));
                }
            });
        }
        return ExitCodes.OK;
    }
}
