package dev.gastown.beads.merge;

import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.merge.MergeConflict.Kept;
import java.util.Objects;

/** One value as the merge base and the two sides hold it; {@code null} means absent. */
record Versions(JsonValue base, JsonValue left, JsonValue right) {

    /** Both sides changed the value, to different values. */
    boolean conflicting() {
        return !Objects.equals(left, right) && !Objects.equals(base, left) && !Objects.equals(base, right);
    }

    /** The merged value when not {@link #conflicting()}: the side that changed it, or the value both agree on. */
    JsonValue agreed() {
        return Objects.equals(base, left) ? right : left;
    }

    JsonValue of(Kept side) {
        return side == Kept.LEFT ? left : right;
    }
}
