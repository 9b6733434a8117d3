package dev.gastown.beads.store;

import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.model.Comment;

/** Comment ids are store-wide integers in the launch-era format (SQLite row ids); v1.0 strings count as 0. */
final class CommentIds {
    private CommentIds() {
    }

    static long numeric(Comment c) {
        if (c.id() instanceof JsonNumber n) {
            try {
                return n.longValue();
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }
}
