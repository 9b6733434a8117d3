package dev.gastown.beads.graph;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.util.List;

/**
 * What a scan sees of one issue. Scans hand out cursors that read straight from the index, so a row may be reused
 * for the next issue: keep {@link #summary()} or {@link #id()}, not the row.
 */
public interface IssueRow {
    String id();

    Status status();

    IssueType type();

    int priority();

    long createdMicros();

    long updatedMicros();

    long deferMicros();

    boolean pinned();

    boolean ephemeral();

    boolean template();

    String assignee();

    String molType();

    List<String> labels();

    IssueSummary summary();
}
