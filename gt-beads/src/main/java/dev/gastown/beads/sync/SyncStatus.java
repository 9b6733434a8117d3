package dev.gastown.beads.sync;

/** {@code bd sync --status}: where the branch stands against its remote, and what is not yet committed. */
public record SyncStatus(String branch, String remote, int ahead, int behind, int journalChanges,
        boolean beadsUncommitted) {
}
