package dev.gastown.core.agents;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import java.util.Optional;

/** What an agent bead says about an agent: its state, the bead on its hook, and its description fields. */
public record AgentRecord(Address address, String beadId, AgentState state, String hookBead, Timestamp updatedAt,
        String description) {

    static AgentRecord of(Address address, Issue bead) {
        return new AgentRecord(address, bead.id(), AgentState.parse(bead.agentState()), bead.hookBead(),
                bead.updatedAt(), bead.description());
    }

    public Optional<String> hook() {
        return hookBead == null || hookBead.isEmpty() ? Optional.empty() : Optional.of(hookBead);
    }

    public Optional<String> field(String key) {
        return Fields.get(description, key);
    }
}
