package dev.gastown.beads.merge;

import java.util.List;

/**
 * The merged {@code issues.jsonl} text (sorted by id, every line {@code \n}-terminated) and the conflicts the merge
 * resolved on the way, in id order.
 */
public record MergeResult(String merged, List<MergeConflict> conflicts) {
    public MergeResult {
        conflicts = List.copyOf(conflicts);
    }

    /** True when the output keeps two issues under one id: the merge driver should report a conflict to git. */
    public boolean hasUnresolved() {
        return conflicts.stream().anyMatch(MergeConflict::unresolved);
    }
}
