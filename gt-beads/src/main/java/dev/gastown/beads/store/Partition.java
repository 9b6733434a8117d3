package dev.gastown.beads.store;

import dev.gastown.beads.model.Issue;

/** Which JSONL file an issue lives in. */
public enum Partition {
    /** {@code issues.jsonl}: tracked in git. */
    ISSUES,
    /** {@code wisps.jsonl}: ephemeral issues, never exported. */
    WISPS;

    public static Partition of(Issue issue) {
        return issue.ephemeral() ? WISPS : ISSUES;
    }

    java.nio.file.Path file(BeadsDir dir) {
        return this == ISSUES ? dir.issuesJsonl() : dir.wispsJsonl();
    }
}
