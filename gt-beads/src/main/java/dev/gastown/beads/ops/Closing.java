package dev.gastown.beads.ops;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.StoreTransaction;

/** Closing and reopening. Pinned issues stay open unless forced; a closed issue always has {@code closed_at}. */
public final class Closing {
    private Closing() {
    }

    public static Issue close(StoreTransaction tx, BeadsContext ctx, String id, String reason, boolean force) {
        Issue current = tx.get(id);
        if (current.status().equals(Status.TOMBSTONE)) {
            throw new InvalidInputException(id + " is deleted");
        }
        if ((current.pinned() || current.status().equals(Status.PINNED)) && !force) {
            throw new InvalidInputException(id + " is pinned; use --force to close it");
        }
        Timestamp now = Timestamp.now();
        Issue next = current.toBuilder()
                .status(Status.CLOSED)
                .closedAt(now)
                .closeReason(reason == null ? "" : reason)
                .closedBySession(ctx.session() == null ? "" : ctx.session())
                .updatedAt(now)
                .build();
        tx.put(next);
        return next;
    }

    public static Issue reopen(StoreTransaction tx, String id) {
        Issue current = tx.get(id);
        if (current.status().equals(Status.TOMBSTONE)) {
            throw new InvalidInputException(id + " is deleted and cannot be reopened");
        }
        Issue next = current.toBuilder()
                .status(Status.OPEN)
                .closedAt(null)
                .closeReason("")
                .closedBySession("")
                .updatedAt(Timestamp.now())
                .build();
        tx.put(next);
        return next;
    }

    /**
     * Deletes an issue: a wisp disappears; anything else becomes a tombstone, so the deletion reaches other clones.
     */
    public static Issue delete(StoreTransaction tx, BeadsContext ctx, String id, String reason) {
        Issue current = tx.get(id);
        if (current.ephemeral()) {
            tx.delete(id);
            return current;
        }
        Timestamp now = Timestamp.now();
        Issue next = current.toBuilder()
                .status(Status.TOMBSTONE)
                .deletedAt(now)
                .deletedBy(ctx.actor())
                .deleteReason(reason == null || reason.isEmpty() ? "deleted" : reason)
                .originalType(current.issueType().name())
                .updatedAt(now)
                .build();
        tx.put(next);
        return next;
    }
}
