package dev.gastown.core.ledger;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;

/**
 * Lines patrols add to an issue's notes to remember what they did to it ({@code Deacon: slung ...}), so that a
 * later cycle, or another process, does not do it again.
 */
public final class Notes {
    private Notes() {
    }

    /** Appends {@code line} to the issue's notes; the notes are read and written in one transaction. */
    public static void append(Ledger ledger, BeadsContext store, String id, String line) {
        ledger.write(store, tx -> {
            String notes = tx.find(id).map(Issue::notes).orElse("");
            return Updates.apply(tx, store, id, new IssueUpdate().notes(notes.isBlank() ? line : notes + "\n"
                    + line));
        });
    }
}
