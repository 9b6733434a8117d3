package dev.gastown.cli.bench;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.IdOrder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a {@code .beads} store of N issues shaped like the real corpora: about 85% closed, 10% open, the rest in
 * progress or hooked; a third with dependencies (blocks and parent-child) on earlier issues; descriptions of a few
 * hundred bytes; creation times spread over a year. Deterministic for a given N.
 */
public final class SyntheticStore {
    private SyntheticStore() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }

    public static void write(Path root, int n) throws IOException {
        Path beads = root.resolve(".beads");
        Files.createDirectories(beads);
        Files.writeString(beads.resolve("config.yaml"), "issue-prefix: \"bench\"\n");
        Files.writeString(beads.resolve("metadata.json"), "{\n  \"database\": \"beads.db\",\n  \"jsonl_export\": \"issues.jsonl\"\n}");
        Random rnd = new Random(n);
        long start = 1_735_689_600_000_000_000L; // 2025-01-01
        long step = 365L * 86_400 * 1_000_000_000L / n;
        List<Issue> issues = new ArrayList<>(n);
        String lorem = "Investigate the failure, write a regression test, fix the cause & verify <carefully>. ";
        for (int i = 0; i < n; i++) {
            String id = "bench-" + Long.toString(0x1000000L + (i * 2654435761L & 0xffffffL), 36);
            Timestamp created = Timestamp.ofEpochNanos(start + i * step, -8 * 3600);
            int roll = rnd.nextInt(100);
            Status status = roll < 85 ? Status.CLOSED : roll < 95 ? Status.OPEN
                    : roll < 98 ? Status.IN_PROGRESS : Status.HOOKED;
            List<Dependency> deps = new ArrayList<>();
            if (i > 10 && rnd.nextInt(3) == 0) {
                Issue target = issues.get(rnd.nextInt(i));
                DependencyType t = rnd.nextBoolean() ? DependencyType.BLOCKS : DependencyType.PARENT_CHILD;
                deps.add(Dependency.of(id, target.id(), t, created, "bench"));
            }
            issues.add(Issue.builder().id(id).title("Synthetic issue " + i + " for the benchmark")
                    .description(lorem.repeat(2 + rnd.nextInt(5))).status(status).priority(rnd.nextInt(5))
                    .issueType(rnd.nextInt(4) == 0 ? IssueType.BUG : IssueType.TASK)
                    .assignee(status.equals(Status.OPEN) ? "" : "gastown/polecats/p" + rnd.nextInt(20))
                    .createdAt(created).createdBy("bench").updatedAt(created)
                    .closedAt(status.equals(Status.CLOSED) ? created : null)
                    .closeReason(status.equals(Status.CLOSED) ? "done" : "").dependencies(deps).build());
        }
        issues.sort((a, b) -> IdOrder.compare(a.id(), b.id()));
        try (BufferedWriter w = Files.newBufferedWriter(beads.resolve("issues.jsonl"), StandardCharsets.UTF_8)) {
            for (Issue i : issues) {
                w.write(IssueCodec.toLine(i));
                w.write('\n');
            }
        }
    }
}
