package dev.gastown.core.work;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.ledger.Fields;
import java.util.Optional;

/**
 * The bead on an agent's hook, the store it lives in, and the molecule that drives the work: the one named by its
 * {@code attached_molecule} field, or the bead itself when it is a molecule's root.
 */
public record Hooked(Issue bead, BeadsContext store, Optional<String> molecule) {

    public String id() {
        return bead.id();
    }

    /** Whether the hooked work is finished (closed) rather than waiting to be run. */
    public boolean complete() {
        return bead.status().equals(Status.CLOSED) || bead.status().equals(Status.TOMBSTONE);
    }

    public Optional<String> args() {
        return Fields.get(bead.description(), "attached_args");
    }
}
