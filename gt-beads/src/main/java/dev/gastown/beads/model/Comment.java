package dev.gastown.beads.model;

import dev.gastown.beads.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A comment. The id is a number in the launch-era format and a string from v1.0 on; it is kept as the JSON value
 * that was read so that either form round-trips.
 */
public record Comment(
        JsonValue id, String issueId, String author, String text, Timestamp createdAt, List<UnknownField> unknown) {

    public static final List<String> KEYS = List.of("id", "issue_id", "author", "text", "created_at");

    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(createdAt, "createdAt");
        author = author == null ? "" : author;
        text = text == null ? "" : text;
        unknown = List.copyOf(unknown);
    }
}
