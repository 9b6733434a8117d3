package dev.gastown.beads.sync;

import dev.gastown.beads.merge.MergeConflict;
import java.util.List;

/**
 * What {@code bd sync} did. {@code commit} is the local commit of {@code .beads/} changes (null when there was
 * nothing to commit); {@code pull} says how the remote's work came in; {@code pushed} is true only when the remote
 * was checked afterwards and holds {@code head}. {@code conflicts} are field conflicts the JSONL merge resolved by
 * its rules and reports.
 */
public record SyncReport(String branch, String remote, String commit, Pull pull, boolean pushed, String head,
        List<MergeConflict> conflicts, List<String> notes) {

    /** How the remote's commits were brought in. */
    public enum Pull {
        /** No remote is configured for the branch. */
        NO_REMOTE,
        /** Nothing new on the remote. */
        UP_TO_DATE,
        /** The local branch moved forward to the remote's. */
        FAST_FORWARD,
        /** A merge commit joined both histories without touching issues.jsonl conflicts. */
        MERGED,
        /** issues.jsonl conflicted line-wise and the bead merge resolved it. */
        MERGED_BEADS,
        /** Pulling was not asked for. */
        SKIPPED
    }
}
