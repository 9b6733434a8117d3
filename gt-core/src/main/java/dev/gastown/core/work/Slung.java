package dev.gastown.core.work;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.identity.Address;
import java.util.Optional;

/**
 * One piece of work put on one hook.
 *
 * @param beadId what is on the hook
 * @param agent whose hook
 * @param spawned whether a fresh polecat was created for it (its worktree is {@code workdir})
 * @param convoy the convoy tracking it, when there is one
 * @param molecule the molecule that drives the work, when there is one
 */
public record Slung(String beadId, Address agent, boolean spawned, String workdir, Optional<String> convoy,
        Optional<String> molecule) {

    public JsonObject toJson() {
        return new JsonObject().put("bead", beadId).put("agent", agent.toString()).put("spawned", spawned)
                .put("workdir", workdir).put("convoy", convoy.orElse("")).put("molecule", molecule.orElse(""));
    }
}
