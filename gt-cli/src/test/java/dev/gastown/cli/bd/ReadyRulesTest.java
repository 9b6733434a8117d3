package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.Bd;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ready-work rules of the original (reference §4.2), through {@code bd ready}. */
class ReadyRulesTest {
    @TempDir
    Path dir;
    Bd bd;

    @BeforeEach
    void init() {
        bd = new Bd(dir);
        bd.ok("init", "--prefix", "rr");
    }

    private List<String> ready(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "ready";
        args[1] = "--json";
        System.arraycopy(options, 0, args, 2, options.length);
        return bd.run(args).ok().json().asArray().items().stream().map(v -> v.asObject().string("id")).toList();
    }

    @Test
    void plumbingTypesPinnedWispsAndDeferredAreLeftOut() {
        String task = bd.create("Task");
        String mr = bd.create("Merge", "-t", "mr");
        String msg = bd.create("Mail", "-t", "message");
        String wisp = bd.create("Wisp", "--ephemeral");
        String later = bd.create("Later", "--defer", "+3d");
        String pinned = bd.create("Pinned");
        bd.ok("update", pinned, "--status", "pinned");
        assertThat(ready("-n", "0")).containsExactly(task);
        assertThat(ready("-t", "merge-request")).containsExactly(mr);
        assertThat(ready("-t", "message")).containsExactly(msg);
        assertThat(ready("-n", "0", "--include-deferred")).contains(later).doesNotContain(wisp);
    }

    @Test
    void conditionalBlocksRunOnlyWhenTheBlockerFailed() {
        String attempt = bd.create("Attempt");
        String fallback = bd.create("Fallback");
        bd.ok("dep", "add", fallback, attempt, "-t", "conditional-blocks");
        assertThat(ready()).doesNotContain(fallback);
        bd.ok("close", attempt, "--reason", "shipped");
        assertThat(ready()).doesNotContain(fallback);
        bd.ok("reopen", attempt);
        bd.ok("close", attempt, "--reason", "Failed: flaky tests");
        assertThat(ready()).contains(fallback);
    }

    @Test
    void waitsForGatesOnTheSpawnersChildren() {
        String spawner = bd.create("Spawner", "-t", "epic");
        String c1 = bd.create("Child 1", "--parent", spawner);
        String c2 = bd.create("Child 2", "--parent", spawner);
        String all = bd.create("After all", "--waits-for", spawner);
        String any = bd.create("After any", "--waits-for", spawner, "--waits-for-gate", "any-children");
        assertThat(ready("-n", "0")).doesNotContain(all, any);
        bd.ok("close", c1);
        assertThat(ready("-n", "0")).contains(any).doesNotContain(all);
        bd.ok("close", c2);
        assertThat(ready("-n", "0")).contains(any, all);
    }

    @Test
    void blockingPassesDownToChildrenButAnOpenEpicIsItselfReady() {
        String blocker = bd.create("Blocker");
        String epic = bd.create("Epic", "-t", "epic");
        String child = bd.create("Child", "--parent", epic);
        assertThat(ready("-n", "0")).contains(epic, child);
        bd.ok("dep", "add", epic, blocker);
        assertThat(ready("-n", "0")).contains(blocker).doesNotContain(epic, child);
        assertThat(ready("--mol", epic)).isEmpty();
        bd.ok("close", blocker);
        assertThat(ready("--mol", epic)).containsExactly(child);
    }

    @Test
    void sortPoliciesAndLimits() {
        String p3 = bd.create("Low", "-p", "3");
        String p0 = bd.create("Urgent", "-p", "0");
        String p2 = bd.create("Normal", "-p", "2");
        assertThat(ready("--sort", "priority")).containsExactly(p0, p2, p3);
        assertThat(ready("--sort", "oldest")).containsExactly(p3, p0, p2);
        assertThat(ready()).containsExactly(p0, p2, p3); // hybrid: all recent, so by priority
        assertThat(ready("-n", "2")).hasSize(2);
        for (int i = 0; i < 12; i++) {
            bd.create("More " + i);
        }
        assertThat(ready()).hasSize(10);
        assertThat(ready("-n", "0")).hasSize(15);
    }

    @Test
    void beadsDirPointsAtAnotherStore() throws Exception {
        String id = bd.create("Elsewhere");
        Path other = dir.resolve("sub/deeper");
        java.nio.file.Files.createDirectories(other);
        Bd fromOutside = new Bd(dir.getParent()).env("BEADS_DIR", dir.resolve(".beads").toString());
        assertThat(fromOutside.ok("show", id, "--short")).contains("Elsewhere");
        assertThat(new Bd(other).ok("show", id, "--short")).contains("Elsewhere");
    }
}
