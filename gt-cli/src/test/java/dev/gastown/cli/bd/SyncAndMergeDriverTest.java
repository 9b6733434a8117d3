package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.beads.testing.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncAndMergeDriverTest {
    @TempDir
    Path root;

    private static JsonObject show(Bd bd, String id) {
        return bd.run("show", id, "--json").ok().json().asArray().get(0).asObject();
    }

    @Test
    void twoClonesEditingTheSameIssuesConvergeThroughSync() throws Exception {
        Path[] clones = Git.remoteWithClones(root, 2);
        Bd a = new Bd(clones[0]).env("BD_ACTOR", "alice");
        a.ok("init", "--prefix", "sy");
        String x = a.create("Shared bug");
        String y = a.create("Shared feature");
        CliRun first = a.run("sync", "--json");
        assertThat(first.ok().json().asObject().get("pushed").asBoolean()).isTrue();

        Git.run(clones[1], "pull", "-q");
        Bd b = new Bd(clones[1]).env("BD_ACTOR", "bob");
        assertThat(b.run("sync", "--json").ok().json().asObject().string("pull")).isEqualTo("up_to_date");
        assertThat(show(b, x).string("title")).isEqualTo("Shared bug");

        // Overlapping edits on both sides: git alone would conflict on these lines.
        a.ok("close", x, "--reason", "fixed by alice");
        a.ok("update", y, "--title", "Shared feature, renamed by alice");
        a.ok("sync");
        b.ok("update", x, "--assignee", "bob");
        b.ok("update", y, "--add-label", "frontend");
        String z = b.create("Bob's new issue");
        JsonObject merged = b.run("sync", "--json").ok().json().asObject();
        assertThat(merged.string("pull")).isIn("merged_beads", "merged");
        assertThat(merged.get("pushed").asBoolean()).isTrue();
        a.ok("sync");

        for (Bd side : List.of(a, b)) {
            JsonObject sx = show(side, x);
            assertThat(sx.string("status")).isEqualTo("closed");
            assertThat(sx.string("close_reason")).isEqualTo("fixed by alice");
            assertThat(sx.string("assignee")).isEqualTo("bob");
            JsonObject sy = show(side, y);
            assertThat(sy.string("title")).isEqualTo("Shared feature, renamed by alice");
            assertThat(sy.get("labels").asArray().get(0).asString()).isEqualTo("frontend");
            assertThat(show(side, z).string("title")).isEqualTo("Bob's new issue");
        }
        assertThat(Files.readString(clones[0].resolve(".beads/issues.jsonl")))
                .isEqualTo(Files.readString(clones[1].resolve(".beads/issues.jsonl")));
        String remoteHead = Git.run(root.resolve("remote.git"), "rev-parse", "main");
        assertThat(Git.run(clones[0], "rev-parse", "HEAD")).isEqualTo(remoteHead);
    }

    @Test
    void syncStatusAndNoPush() throws Exception {
        Path[] clones = Git.remoteWithClones(root, 1);
        Bd a = new Bd(clones[0]);
        a.ok("init", "--prefix", "st");
        a.create("Local only");
        JsonObject r = a.run("sync", "--no-push", "--json").ok().json().asObject();
        assertThat(r.get("pushed").asBoolean()).isFalse();
        JsonObject status = a.run("sync", "--status", "--json").ok().json().asObject();
        assertThat(status.get("ahead").asLong()).isEqualTo(1);
        assertThat(status.get("beads_uncommitted").asBoolean()).isFalse();
    }

    @Test
    void gitItselfCallsBdMergeAsTheMergeDriver() throws Exception {
        Path[] clones = Git.remoteWithClones(root, 1);
        Path repo = clones[0];
        Path bin = root.resolve("bin");
        Files.createDirectories(bin);
        Path launcher = bin.resolve("bd");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -cp '" + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                + "' " + BdMain.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Bd bd = new Bd(repo);
        bd.ok("init", "--prefix", "md");
        String a = bd.create("Issue A");
        String b = bd.create("Issue B");
        Git.run(repo, "add", "-A");
        Git.run(repo, "commit", "-q", "-m", "plan");
        Git.run(repo, "checkout", "-q", "-b", "side");
        bd.ok("update", a, "--priority", "0");
        bd.ok("update", b, "--notes", "from side");
        Git.run(repo, "commit", "-q", "-am", "side edits");
        Git.run(repo, "checkout", "-q", "main");
        bd.ok("update", a, "--title", "Issue A (renamed on main)");
        bd.ok("close", b, "--reason", "done on main");
        Git.run(repo, "commit", "-q", "-am", "main edits");
        Map<String, String> env = new HashMap<>(Git.ENV);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        dev.gastown.beads.git.GitCli.Result merge = new dev.gastown.beads.git.GitCli(repo, env)
                .run("merge", "--no-edit", "side");
        assertThat(merge.exitCode()).as(merge.stdout() + merge.stderr()).isZero();
        JsonObject sa = show(bd, a);
        assertThat(sa.string("title")).isEqualTo("Issue A (renamed on main)");
        assertThat(sa.get("priority").asLong()).isZero();
        JsonObject sb = show(bd, b);
        assertThat(sb.string("status")).isEqualTo("closed");
        assertThat(sb.string("notes")).isEqualTo("from side");
        assertThat(Files.readString(repo.resolve(".beads/issues.jsonl"))).doesNotContain("<<<<<<<");
    }
}
