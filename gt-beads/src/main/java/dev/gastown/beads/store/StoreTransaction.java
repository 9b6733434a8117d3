package dev.gastown.beads.store;

import dev.gastown.beads.model.Issue;

/**
 * A view that can also change the store. Changes are visible to this transaction's own reads at once, and reach the
 * store atomically when {@link Store#write}'s function returns; if it throws, nothing is written.
 */
public interface StoreTransaction extends StoreView {

    /** Inserts or replaces an issue. Its partition (issues or wisps) follows its {@code ephemeral} flag. */
    void put(Issue issue);

    /** Removes an issue without a tombstone (wisps burn this way). */
    void delete(String id);
}
