package dev.gastown.beads.store;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Issue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the index from the JSONL files alone: on first use, after {@code git pull} or a checkout changed
 * {@code issues.jsonl}, or when the index is missing or damaged. Every line is validated; the first bad one stops
 * the rebuild with its file and line number, and nothing is written.
 */
final class IndexRebuilder {
    private IndexRebuilder() {
    }

    static void rebuild(BeadsDir dir) {
        BaseIdentity base = BaseIdentity.of(dir);
        List<IndexedIssue> all = new ArrayList<>();
        Map<String, String> seenAt = new HashMap<>();
        long[] maxComment = {0};
        for (Partition p : Partition.values()) {
            Path file = p.file(dir);
            JsonlLines.forEach(file, (number, offset, length, text) -> {
                if (JsonlLines.isBlank(text)) {
                    return;
                }
                Issue issue = JsonlLines.parse(file, number, text);
                String here = file.getFileName() + ":" + number;
                String earlier = seenAt.put(issue.id(), here);
                if (earlier != null) {
                    throw new CorruptLineException(file, number,
                            "duplicate id " + issue.id() + " (also at " + earlier + ")");
                }
                all.add(new IndexedIssue(IssueSummary.of(issue), p, offset, length));
                for (Comment c : issue.comments()) {
                    maxComment[0] = Math.max(maxComment[0], CommentIds.numeric(c));
                }
            });
        }
        IndexWriter.write(dir.index(), all, base, maxComment[0]);
        Fsync.directory(dir.path());
    }
}
