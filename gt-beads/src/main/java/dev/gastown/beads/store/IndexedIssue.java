package dev.gastown.beads.store;

import dev.gastown.beads.graph.IssueSummary;

/** A summary together with where the issue's line is: the unit the index is built from. */
record IndexedIssue(IssueSummary summary, Partition partition, long offset, int length) {
}
