package dev.gastown.beads.store;

import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small builders for store tests. */
final class StoreTestSupport {
    private static long clock = 1_767_000_000_000_000_000L;

    private StoreTestSupport() {
    }

    static Store newStore(Path root) {
        try {
            Path dir = root.resolve(".beads");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("issues.jsonl"), "");
            return Store.open(new BeadsDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct, increasing timestamps, so that last-writer-wins rules see an order. */
    static synchronized Timestamp tick() {
        clock += 1_000_000L;
        return Timestamp.ofEpochNanos(clock, -8 * 3600);
    }

    static Issue issue(String id, Status status, Dependency... deps) {
        Timestamp t = tick();
        return Issue.builder().id(id).title("Issue " + id).status(status).priority(2).issueType(IssueType.TASK)
                .createdAt(t).updatedAt(t).closedAt(status.equals(Status.CLOSED) ? t : null)
                .dependencies(List.of(deps)).build();
    }

    static Dependency dep(String from, String to, DependencyType type) {
        return Dependency.of(from, to, type, tick(), "test");
    }

    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
