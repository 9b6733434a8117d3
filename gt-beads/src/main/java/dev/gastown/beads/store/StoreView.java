package dev.gastown.beads.store;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Issue;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A consistent read of the store, valid while the {@link Store#read} or {@link Store#write} call that handed it out
 * is running. Lookups by id cost a binary search; whole-store scans touch only the index.
 */
public interface StoreView {

    Optional<Issue> find(String id);

    /** The issue, or {@link IssueNotFoundException}. */
    default Issue get(String id) {
        return find(id).orElseThrow(() -> new IssueNotFoundException(id));
    }

    boolean contains(String id);

    /** The summary of {@code id}, or null when there is no such issue. */
    IssueSummary summary(String id);

    /** Blocked by the ready-work rules: directly, or through a blocked ancestor. */
    boolean isBlocked(String id);

    /** {@link #isBlocked(String)} for a row from one of this view's scans, without a lookup by id. */
    boolean isBlocked(IssueRow row);

    /** Ids of the {@code parent-child} children of {@code id}, in id order. */
    List<String> children(String id);

    /** The parent-child children of {@code id}, as rows (which may be reused between calls), in no order. */
    void forEachChild(String id, Consumer<IssueRow> action);

    /** Edges pointing at {@code id}. */
    List<Incoming> dependents(String id);

    /** Every issue not closed or tombstoned, in no particular order. Rows may be reused between calls. */
    void forEachActive(Consumer<IssueRow> action);

    /** Every issue, in no particular order. Rows may be reused between calls. */
    void forEachIssue(Consumer<IssueRow> action);

    /** Ids that start with {@code prefix}, in id order. */
    List<String> idsWithPrefix(String prefix);

    /** Ids that contain {@code fragment}, in id order. */
    List<String> idsContaining(String fragment);

    /** Ids under {@code prefix} + "-" without a dot: the count the adaptive hash length is based on. */
    int topLevelCount(String prefix);

    long maxCommentId();

    int size();
}
