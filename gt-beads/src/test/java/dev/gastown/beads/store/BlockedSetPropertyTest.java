package dev.gastown.beads.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.graph.BlockingRules;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random graphs and random edits, with the store in journal mode so that reads go through the index, the journal
 * overlay and the transaction layer. After every transaction, every issue's blocked state must equal a from-scratch
 * computation over the current issues.
 */
class BlockedSetPropertyTest {
    private static final Status[] STATUSES = {Status.OPEN, Status.OPEN, Status.IN_PROGRESS, Status.BLOCKED,
        Status.DEFERRED, Status.CLOSED, Status.CLOSED, Status.TOMBSTONE, Status.PINNED, Status.HOOKED,
        new Status("review")};
    private static final DependencyType[] TYPES = {DependencyType.BLOCKS, DependencyType.BLOCKS,
        DependencyType.PARENT_CHILD, DependencyType.PARENT_CHILD, DependencyType.CONDITIONAL_BLOCKS,
        DependencyType.WAITS_FOR, DependencyType.RELATED, new DependencyType("custom-link")};
    private static final String[] REASONS = {"", "done", "failed: tests", "no error", "shipped", "wontfix"};

    @TempDir
    Path tmp;

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, Long.getLong("blocked.seeds", 24));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void blockedMatchesAFromScratchComputation(long seed) {
        Random rnd = new Random(seed);
        Store store = StoreTestSupport.newStore(tmp.resolve("s" + seed));
        store.policy(new CompactionPolicy(-1, 7 + rnd.nextInt(10), 1 << 20, 1000));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("p-" + Integer.toString(i, 36));
        }
        for (int round = 0; round < 60; round++) {
            store.write(tx -> {
                int edits = 1 + rnd.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    edit(tx, ids, rnd);
                    assertConsistent(tx, ids);
                }
                return null;
            });
            store.read((StoreView v) -> {
                assertConsistent(v, ids);
                return null;
            });
            assertConsistent(Store.open(store.dir()), ids);
        }
        store.compact();
        assertConsistent(store, ids);
    }

    private static void assertConsistent(Store store, List<String> ids) {
        store.read((StoreView v) -> {
            assertConsistent(v, ids);
            return null;
        });
    }

    private static void edit(StoreTransaction tx, List<String> ids, Random rnd) {
        String id = ids.get(rnd.nextInt(ids.size()));
        int action = rnd.nextInt(10);
        if (action == 0 && tx.contains(id)) {
            tx.delete(id);
            return;
        }
        Status status = STATUSES[rnd.nextInt(STATUSES.length)];
        List<Dependency> deps = new ArrayList<>();
        Map<String, Boolean> used = new HashMap<>();
        int n = rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            String target = rnd.nextInt(8) == 0 ? "p-missing" : ids.get(rnd.nextInt(ids.size()));
            if (target.equals(id) || used.put(target, true) != null) {
                continue;
            }
            DependencyType type = TYPES[rnd.nextInt(TYPES.length)];
            Dependency d = StoreTestSupport.dep(id, target, type);
            if (type.equals(DependencyType.WAITS_FOR)) {
                String spawner = rnd.nextBoolean() ? target : ids.get(rnd.nextInt(ids.size()));
                String gate = rnd.nextBoolean() ? "all-children" : "any-children";
                d = new Dependency(id, target, type, d.createdAt(), "test",
                        "{\"gate\":\"" + gate + "\",\"spawner_id\":\"" + spawner + "\"}", "", List.of());
            }
            deps.add(d);
        }
        Issue issue = StoreTestSupport.issue(id, status).toBuilder().dependencies(deps)
                .closeReason(status.equals(Status.CLOSED) ? REASONS[rnd.nextInt(REASONS.length)] : "")
                .ephemeral(rnd.nextInt(5) == 0).build();
        tx.put(issue);
    }

    private static void assertConsistent(StoreView v, List<String> ids) {
        Map<String, IssueSummary> all = new HashMap<>();
        for (String id : ids) {
            IssueSummary s = v.summary(id);
            if (s != null) {
                all.put(id, s);
            }
        }
        Map<String, Boolean> expected = reference(all);
        for (String id : ids) {
            if (all.containsKey(id)) {
                assertThat(v.isBlocked(id)).as("blocked(%s)", id).isEqualTo(expected.get(id));
            }
        }
        List<String> active = new ArrayList<>();
        v.forEachActive(row -> {
            active.add(row.id());
            assertThat(v.isBlocked(row)).as("row blocked(%s)", row.id()).isEqualTo(expected.get(row.id()));
        });
        assertThat(active).containsExactlyInAnyOrderElementsOf(
                all.values().stream().filter(s -> !s.status().isTerminal()).map(IssueSummary::id).toList());
    }

    /** Blocked set computed from nothing but the summaries, the obvious way. */
    private static Map<String, Boolean> reference(Map<String, IssueSummary> all) {
        BlockingRules.Graph g = new BlockingRules.Graph() {
            @Override
            public IssueSummary summary(String id) {
                return all.get(id);
            }

            @Override
            public Iterable<String> children(String id) {
                return all.values().stream().filter(s -> s.parents().contains(id)).map(IssueSummary::id).toList();
            }
        };
        Map<String, Boolean> blocked = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        Map<String, Integer> depth = new HashMap<>();
        for (IssueSummary s : all.values()) {
            boolean direct = BlockingRules.directlyBlocked(g, s);
            blocked.put(s.id(), direct);
            if (direct) {
                queue.add(s.id());
                depth.put(s.id(), 0);
            }
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (depth.get(id) >= BlockingRules.MAX_PROPAGATION_DEPTH) {
                continue;
            }
            for (String child : g.children(id)) {
                if (!blocked.get(child)) {
                    blocked.put(child, true);
                    depth.put(child, depth.get(id) + 1);
                    queue.add(child);
                }
            }
        }
        return blocked;
    }
}
