package dev.gastown.beads.merge;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.merge.MergeConflict.Kept;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.model.UnknownField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field-by-field three-way merge of one issue that both sides hold. It works on the encoded JSON objects, so
 * every key, known or not, goes through the same rules: a few fields have their own rule, and every other one takes
 * the side that changed it, or on a true conflict the side updated later (left on a tie), reported.
 */
final class IssueMerge {
    /** The fields that record a deletion; they move together with the status when a tombstone decides. */
    private static final List<String> DELETION_FIELDS =
            List.of("deleted_at", "deleted_by", "delete_reason", "original_type");
    /** The fields that describe a close besides {@code closed_at}. */
    private static final List<String> CLOSE_FIELDS = List.of("close_reason", "closed_by_session");
    private static final Set<String> KNOWN_KEYS = Set.copyOf(Issue.KEYS);

    private final Issue leftIssue;
    private final Issue rightIssue;
    private final JsonObject base;
    private final JsonObject left;
    private final JsonObject right;
    private final TombstoneExpiry expiry;
    private final List<MergeConflict> conflicts;
    /** The side with the later {@code updated_at}, left when they are equal. */
    private final Kept later;
    private final boolean sameUpdateTime;
    /** Decided fields; a null value means the field is omitted. */
    private final Map<String, JsonValue> merged = new HashMap<>();

    private IssueMerge(Issue base, Issue left, Issue right, TombstoneExpiry expiry, List<MergeConflict> conflicts) {
        this.leftIssue = left;
        this.rightIssue = right;
        this.base = base == null ? new JsonObject() : IssueCodec.encode(base);
        this.left = IssueCodec.encode(left);
        this.right = IssueCodec.encode(right);
        this.expiry = expiry;
        this.conflicts = conflicts;
        int c = left.updatedAt().compareTo(right.updatedAt());
        this.later = c < 0 ? Kept.RIGHT : Kept.LEFT;
        this.sameUpdateTime = c == 0;
    }

    /**
     * Merges one issue both sides hold ({@code base} is null when both added it), appending the conflicts it
     * resolved to {@code conflicts}.
     */
    static Issue merge(Issue base, Issue left, Issue right, TombstoneExpiry expiry, List<MergeConflict> conflicts) {
        if (left.equals(right)) {
            return left;
        }
        return new IssueMerge(base, left, right, expiry, conflicts).mergeFields();
    }

    private Issue mergeFields() {
        mergeLifecycle();
        decide("updated_at", sideValue(later, "updated_at"));
        decide("title", byRecency("title"));
        decide("description", byRecency("description"));
        decide("notes", notes());
        decide("priority", priority());
        decide("issue_type", leftOnConflict("issue_type"));
        for (ListField list : ListField.values()) {
            decide(list.key, list.merge(versions(list.key),
                    (l, r) -> conflicts.add(new MergeConflict(leftIssue.id(), list.key, l, r, Kept.LEFT))));
        }
        Set<String> keys = new LinkedHashSet<>(left.keys());
        keys.addAll(right.keys());
        keys.addAll(base.keys());
        for (String key : keys) {
            if (!merged.containsKey(key)) {
                decide(key, generic(key));
            }
        }
        return assemble();
    }

    /**
     * Status, deletion and close fields. A tombstone beats a live issue unless it has expired; of two tombstones the
     * later deletion wins; otherwise closed beats any other status, and other statuses merge like any field.
     */
    private void mergeLifecycle() {
        boolean leftClosed = leftIssue.status().equals(Status.CLOSED);
        boolean rightClosed = rightIssue.status().equals(Status.CLOSED);
        Kept deletionSide = deletionSide();
        if (deletionSide != null) {
            decide("status", sideValue(deletionSide, "status"));
            DELETION_FIELDS.forEach(key -> decide(key, sideValue(deletionSide, key)));
        } else {
            decide("status", leftClosed || rightClosed ? new JsonString(Status.CLOSED.name()) : generic("status"));
            DELETION_FIELDS.forEach(key -> decide(key, generic(key)));
        }
        String status = merged.get("status").asString();
        if (status.equals(Status.CLOSED.name())) {
            decide("closed_at", latest("closed_at"));
            Kept closer = leftClosed ? Kept.LEFT : Kept.RIGHT;
            CLOSE_FIELDS.forEach(key -> decide(key, leftClosed == rightClosed ? generic(key) : sideValue(closer, key)));
        } else {
            // A tombstone may keep the closed_at of the issue it was; a live issue that is not closed has none.
            decide("closed_at", status.equals(Status.TOMBSTONE.name()) ? generic("closed_at") : null);
            CLOSE_FIELDS.forEach(key -> decide(key, generic(key)));
        }
    }

    /** The side whose status and deletion fields win because of a tombstone, or null when no tombstone decides. */
    private Kept deletionSide() {
        boolean leftDead = leftIssue.status().equals(Status.TOMBSTONE);
        boolean rightDead = rightIssue.status().equals(Status.TOMBSTONE);
        if (leftDead && rightDead) {
            int c = compare(leftIssue.deletedAt(), rightIssue.deletedAt());
            return c == 0 ? null : c > 0 ? Kept.LEFT : Kept.RIGHT;
        }
        if (leftDead == rightDead) {
            return null;
        }
        Kept tombstone = leftDead ? Kept.LEFT : Kept.RIGHT;
        Issue dead = leftDead ? leftIssue : rightIssue;
        return expiry.isExpired(dead.deletedAt()) ? other(tombstone) : tombstone;
    }

    /** Title and description: the later update wins a conflict, which is reported only when the times are equal. */
    private JsonValue byRecency(String key) {
        Versions v = versions(key);
        if (!v.conflicting()) {
            return v.agreed();
        }
        if (sameUpdateTime) {
            report(key, v, later);
        }
        return v.of(later);
    }

    /** Notes both sides changed are combined rather than chosen, so neither side's text is lost. */
    private JsonValue notes() {
        Versions v = versions("notes");
        if (!v.conflicting()) {
            return v.agreed();
        }
        return new JsonString(combineNotes(text(v.base()), text(v.left()), text(v.right())));
    }

    private static String combineNotes(String base, String left, String right) {
        if (left.contains(right)) {
            return left;
        }
        if (right.contains(left)) {
            return right;
        }
        if (!base.isEmpty() && left.startsWith(base) && right.startsWith(base)) {
            return left + right.substring(base.length()); // both appended: keep both additions once
        }
        return left + "\n\n" + right;
    }

    /** Of two different new priorities, the more urgent (lower number) wins. */
    private JsonValue priority() {
        Versions v = versions("priority");
        if (!v.conflicting()) {
            return v.agreed();
        }
        return v.left().asLong() <= v.right().asLong() ? v.left() : v.right();
    }

    private JsonValue leftOnConflict(String key) {
        Versions v = versions(key);
        if (!v.conflicting()) {
            return v.agreed();
        }
        report(key, v, Kept.LEFT);
        return v.left();
    }

    /** The rule for every field without its own: a true conflict goes to the later update and is reported. */
    private JsonValue generic(String key) {
        Versions v = versions(key);
        if (!v.conflicting()) {
            return v.agreed();
        }
        report(key, v, later);
        return v.of(later);
    }

    /** The later of the two sides' timestamps, either one when only one side has it. */
    private JsonValue latest(String key) {
        JsonValue l = left.get(key);
        JsonValue r = right.get(key);
        if (l == null || r == null) {
            return l == null ? r : l;
        }
        return new Timestamp(r.asString()).isAfter(new Timestamp(l.asString())) ? r : l;
    }

    private Issue assemble() {
        JsonObject known = new JsonObject();
        for (String key : Issue.KEYS) {
            JsonValue v = merged.get(key);
            if (v != null) {
                known.put(key, v);
            }
        }
        return IssueCodec.decode(known).toBuilder().unknown(mergedUnknownFields()).build();
    }

    /** The unknown keys that survive, each placed where the first side that has it (left, right, base) had it. */
    private List<UnknownField> mergedUnknownFields() {
        Map<String, Integer> anchors = new LinkedHashMap<>();
        for (Issue side : new Issue[] {leftIssue, rightIssue}) {
            side.unknown().forEach(f -> anchors.putIfAbsent(f.key(), f.anchor()));
        }
        List<UnknownField> fields = new ArrayList<>();
        anchors.forEach((key, anchor) -> {
            JsonValue v = merged.get(key);
            if (v != null && !KNOWN_KEYS.contains(key)) {
                fields.add(new UnknownField(anchor, key, v));
            }
        });
        return fields;
    }

    private void decide(String key, JsonValue value) {
        merged.put(key, value);
    }

    private void report(String key, Versions v, Kept kept) {
        conflicts.add(new MergeConflict(leftIssue.id(), key, v.left(), v.right(), kept));
    }

    private Versions versions(String key) {
        return new Versions(base.get(key), left.get(key), right.get(key));
    }

    private JsonValue sideValue(Kept side, String key) {
        return (side == Kept.LEFT ? left : right).get(key);
    }

    private static Kept other(Kept side) {
        return side == Kept.LEFT ? Kept.RIGHT : Kept.LEFT;
    }

    /** Compares optional timestamps as instants; absent sorts first. */
    private static int compare(Timestamp a, Timestamp b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static String text(JsonValue v) {
        return v == null ? "" : v.asString();
    }
}
