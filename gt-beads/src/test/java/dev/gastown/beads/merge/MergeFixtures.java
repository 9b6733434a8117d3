package dev.gastown.beads.merge;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.model.UnknownField;
import dev.gastown.beads.store.IdOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small issues and JSONL texts for merge tests, merged at a fixed "now". */
final class MergeFixtures {
    static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    static final TombstoneExpiry EXPIRY = TombstoneExpiry.at(NOW);
    static final Timestamp CREATED = Timestamp.parse("2026-01-01T10:00:00Z");

    private MergeFixtures() {
    }

    /** An open task created and last updated at {@link #CREATED}. */
    static Issue issue(String id) {
        return IssueCodec.parseLine("{\"id\":\"" + id + "\",\"title\":\"Title of " + id
                + "\",\"status\":\"open\",\"priority\":2,\"issue_type\":\"task\",\"created_at\":\"" + CREATED
                + "\",\"updated_at\":\"" + CREATED + "\"}");
    }

    /** A timestamp on day {@code day} of January 2026, UTC. */
    static Timestamp day(int day) {
        return Timestamp.parse(String.format("2026-01-%02dT10:00:00Z", day));
    }

    /** The JSONL text of the issues, sorted by id, as a canonical file. */
    static String jsonl(Issue... issues) {
        return Arrays.stream(issues)
                .sorted((a, b) -> IdOrder.compare(a.id(), b.id()))
                .map(i -> IssueCodec.toLine(i) + "\n")
                .collect(Collectors.joining());
    }

    static MergeResult merge(String base, String left, String right) {
        return JsonlMerge.merge(base, left, right, EXPIRY);
    }

    /** Merges one version of an issue per input; null means the input does not hold it. */
    static MergeResult merge(Issue base, Issue left, Issue right) {
        return merge(jsonlOf(base), jsonlOf(left), jsonlOf(right));
    }

    private static String jsonlOf(Issue issue) {
        return issue == null ? "" : jsonl(issue);
    }

    static Issue closed(Issue issue, Timestamp at, String reason) {
        return issue.toBuilder().status(Status.CLOSED).closedAt(at).closeReason(reason).updatedAt(at).build();
    }

    /** The issue deleted at {@code at} by {@code by}, as {@code bd delete} leaves it. */
    static Issue tombstone(Issue issue, Timestamp at, String by) {
        return issue.toBuilder().status(Status.TOMBSTONE).deletedAt(at).deletedBy(by).deleteReason("delete")
                .originalType(issue.issueType().name()).updatedAt(at).build();
    }

    /** The issue with one more key this version does not know, written right after the known key {@code after}. */
    static Issue withUnknown(Issue issue, String after, String key, String json) {
        List<UnknownField> fields = new ArrayList<>(issue.unknown());
        fields.add(new UnknownField(Issue.KEYS.indexOf(after), key, JsonParser.parse(json)));
        return issue.toBuilder().unknown(fields).build();
    }

    /** The merged issues by id, in output order. */
    static Map<String, Issue> issues(MergeResult result) {
        Map<String, Issue> byId = new LinkedHashMap<>();
        result.merged().lines().map(IssueCodec::parseLine).forEach(i -> byId.put(i.id(), i));
        return byId;
    }

    /** The one issue of a merge that must produce exactly one. */
    static Issue only(MergeResult result) {
        String[] lines = result.merged().split("\n");
        if (lines.length != 1 || lines[0].isEmpty()) {
            throw new AssertionError("expected one line, got:\n" + result.merged());
        }
        return IssueCodec.parseLine(lines[0]);
    }
}
