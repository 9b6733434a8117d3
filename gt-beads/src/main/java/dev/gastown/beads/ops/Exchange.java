package dev.gastown.beads.ops;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.CorruptLineException;
import dev.gastown.beads.store.JsonlLines;
import dev.gastown.beads.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bd import}: reads a JSONL file completely and validates every line before anything is written; a file with
 * bad lines is reported line by line and changes nothing. Then each issue is created, or updated when the incoming
 * {@code updated_at} is later than the stored one (equal means no update); a stored tombstone is never resurrected.
 */
public final class Exchange {
    private Exchange() {
    }

    /** What an import did, or would do with {@code dryRun}; {@code problems} non-empty means nothing was written. */
    public record ImportResult(int created, int updated, int unchanged, int skippedTombstoned,
            List<CorruptLineException> problems) {
    }

    public static ImportResult importFile(Store store, Path file, boolean dryRun) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no such file: " + file);
        }
        List<Issue> incoming = new ArrayList<>();
        List<CorruptLineException> problems = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        JsonlLines.forEach(file, (number, offset, length, text) -> {
            if (JsonlLines.isBlank(text)) {
                return;
            }
            try {
                Issue issue = JsonlLines.parse(file, number, text);
                Integer earlier = firstLine.putIfAbsent(issue.id(), number);
                if (earlier != null) {
                    problems.add(new CorruptLineException(file, number,
                            "duplicate id " + issue.id() + " (also on line " + earlier + ")"));
                } else {
                    incoming.add(issue);
                }
            } catch (CorruptLineException e) {
                problems.add(e);
            }
        });
        if (!problems.isEmpty()) {
            return new ImportResult(0, 0, 0, 0, List.copyOf(problems));
        }
        int[] counts = new int[4];
        store.write(tx -> {
            for (Issue in : incoming) {
                var existing = tx.find(in.id());
                if (existing.isEmpty()) {
                    counts[0]++;
                    if (!dryRun) {
                        tx.put(in);
                    }
                } else if (existing.get().status().equals(Status.TOMBSTONE)
                        && !in.status().equals(Status.TOMBSTONE)) {
                    counts[3]++;
                } else if (in.updatedAt().isAfter(existing.get().updatedAt())) {
                    counts[1]++;
                    if (!dryRun) {
                        tx.put(in);
                    }
                } else {
                    counts[2]++;
                }
            }
            return null;
        });
        return new ImportResult(counts[0], counts[1], counts[2], counts[3], List.of());
    }
}
