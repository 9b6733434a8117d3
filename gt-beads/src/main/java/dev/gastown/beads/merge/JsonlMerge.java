package dev.gastown.beads.merge;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.codec.IssueFormatException;
import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.merge.MergeConflict.Kept;
import dev.gastown.beads.merge.MergeInputException.Input;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.store.IdOrder;
import dev.gastown.beads.store.JsonlLines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The three-way merge of {@code issues.jsonl} files that {@code bd merge} runs as git's merge driver.
 *
 * <p>Issues are matched by id. Two versions are the same issue when their {@code created_at} is the same instant;
 * when the two sides hold different issues under one id, the merge never silently drops one: a side's replacement
 * wins over an unmodified original, and otherwise both are written (two lines, one id) and reported as unresolved.
 *
 * <p>An issue one side added is kept; one that a side deleted is deleted, even when the other side modified it (that
 * is reported). An issue both sides hold is merged field by field. A field only one side changed takes that side's
 * value; when both changed it differently:
 * <ul>
 *   <li>status: a tombstone wins over a live issue unless it has expired ({@link TombstoneExpiry}), and of two
 *       tombstones the later {@code deleted_at} wins, with their deletion fields; otherwise closed wins over any other
 *       status (whatever the base had, as in the original). {@code closed_at} is the later of the two when the
 *       result is closed, and absent when it is live and not closed; {@code close_reason} and
 *       {@code closed_by_session} come from the side that closed it;
 *   <li>{@code updated_at}: the later; {@code priority}: the more urgent; {@code issue_type}: left's (reported);
 *   <li>{@code title}, {@code description}: the later update's (reported only when the update times are equal);
 *   <li>{@code notes}: both texts, combined once;
 *   <li>{@code labels}, {@code dependencies}: set merges where removals win and additions are unioned;
 *       {@code comments}: the union by id (left's version of a comment both edited, reported);
 *   <li>every other key, unknown keys included: the later update's value, reported.
 * </ul>
 * The output is sorted by id and written in the canonical encoding, so an issue neither side touched keeps its bytes.
 */
public final class JsonlMerge {
    private final TombstoneExpiry expiry;
    private final List<MergeConflict> conflicts = new ArrayList<>();

    private JsonlMerge(TombstoneExpiry expiry) {
        this.expiry = expiry;
    }

    /** Merges with the default tombstone TTL, measured from now. */
    public static MergeResult merge(String base, String left, String right) {
        return merge(base, left, right, TombstoneExpiry.at(Instant.now()));
    }

    /**
     * Merges the texts of the three versions of {@code issues.jsonl}.
     *
     * @throws MergeInputException when a line of an input is not a valid issue, is a git conflict marker, or repeats
     *         an id of the same input
     */
    public static MergeResult merge(String base, String left, String right, TombstoneExpiry expiry) {
        return new JsonlMerge(expiry).run(read(base, Input.BASE), read(left, Input.LEFT), read(right, Input.RIGHT));
    }

    private MergeResult run(Map<String, Issue> base, Map<String, Issue> left, Map<String, Issue> right) {
        TreeSet<String> ids = new TreeSet<>(IdOrder.COMPARATOR);
        ids.addAll(base.keySet());
        ids.addAll(left.keySet());
        ids.addAll(right.keySet());
        StringBuilder out = new StringBuilder();
        for (String id : ids) {
            for (Issue issue : mergeId(base.get(id), left.get(id), right.get(id))) {
                out.append(IssueCodec.toLine(issue)).append('\n');
            }
        }
        return new MergeResult(out.toString(), conflicts);
    }

    /** The issues to write for one id: none, one, or two when the sides hold different issues under it. */
    private List<Issue> mergeId(Issue base, Issue left, Issue right) {
        if (left != null && right != null && sameIssue(left, right)) {
            return List.of(IssueMerge.merge(sameIssue(base, left) ? base : null, left, right, expiry, conflicts));
        }
        List<Issue> kept = new ArrayList<>(2);
        if (survives(base, left, right == null, Kept.RIGHT)) {
            kept.add(left);
        }
        if (survives(base, right, left == null, Kept.LEFT)) {
            kept.add(right);
        }
        if (kept.size() == 2) {
            conflicts.add(new MergeConflict(left.id(), "created_at", new JsonString(left.createdAt().text()),
                    new JsonString(right.createdAt().text()), Kept.BOTH));
            kept.sort(Comparator.comparing(Issue::createdAt));
        }
        return kept;
    }

    /**
     * Whether the version one side holds survives when the other side does not hold the same issue: because the other
     * side deleted the id ({@code otherDeleted}), or holds a different issue under it.
     */
    private boolean survives(Issue base, Issue mine, boolean otherDeleted, Kept other) {
        if (mine == null) {
            return false;
        }
        if (!sameIssue(base, mine)) {
            return true; // added on this side (possibly replacing what the base had under this id)
        }
        if (mine.equals(base)) {
            return false; // the other side deleted or replaced it, and this side did not touch it
        }
        if (otherDeleted) {
            // Deletion beats modification, as in the original; the lost modification is reported.
            JsonObject modified = IssueCodec.encode(mine);
            conflicts.add(other == Kept.LEFT
                    ? new MergeConflict(mine.id(), MergeConflict.WHOLE_ISSUE, null, modified, Kept.LEFT)
                    : new MergeConflict(mine.id(), MergeConflict.WHOLE_ISSUE, modified, null, Kept.RIGHT));
            return false;
        }
        return true; // modified here, replaced there: keep both
    }

    private static boolean sameIssue(Issue a, Issue b) {
        return a != null && b != null && a.createdAt().compareTo(b.createdAt()) == 0;
    }

    private static Map<String, Issue> read(String text, Input input) {
        Map<String, Issue> byId = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (JsonlLines.isBlank(line)) {
                continue;
            }
            if (JsonlLines.isConflictMarker(line)) {
                throw new MergeInputException(input, number, "git conflict marker");
            }
            Issue issue;
            try {
                issue = IssueCodec.parseLine(line);
            } catch (JsonException | IssueFormatException e) {
                throw new MergeInputException(input, number, e.getMessage());
            }
            Integer earlier = lineOf.putIfAbsent(issue.id(), number);
            if (earlier != null) {
                throw new MergeInputException(input, number,
                        "duplicate id " + issue.id() + " (also at line " + earlier + ")");
            }
            byId.put(issue.id(), issue);
        }
        return byId;
    }
}
