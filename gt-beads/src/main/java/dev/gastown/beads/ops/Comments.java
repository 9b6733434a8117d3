package dev.gastown.beads.ops;

import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/** Appends comments. Ids are store-wide increasing integers; times are UTC seconds, as the original wrote them. */
public final class Comments {
    private Comments() {
    }

    public static Comment add(StoreTransaction tx, BeadsContext ctx, String issueId, String text, String author) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("comment text cannot be empty");
        }
        Issue issue = tx.get(issueId);
        Comment c = new Comment(JsonNumber.of(tx.maxCommentId() + 1), issueId,
                author == null || author.isEmpty() ? ctx.actor() : author, text, Timestamp.nowUtcSeconds(), List.of());
        List<Comment> comments = new ArrayList<>(issue.comments());
        comments.add(c);
        tx.put(issue.toBuilder().comments(comments).updatedAt(Timestamp.now()).build());
        return c;
    }
}
