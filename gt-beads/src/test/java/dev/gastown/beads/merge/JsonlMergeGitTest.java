package dev.gastown.beads.merge;

import static dev.gastown.beads.merge.MergeFixtures.closed;
import static dev.gastown.beads.merge.MergeFixtures.day;
import static dev.gastown.beads.merge.MergeFixtures.issue;
import static dev.gastown.beads.merge.MergeFixtures.issues;
import static dev.gastown.beads.merge.MergeFixtures.jsonl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two branches of a real git repository edit adjacent lines of {@code .beads/issues.jsonl}. Git's line merge
 * conflicts; the three stages git records merge cleanly here.
 */
class JsonlMergeGitTest {
    private static final String FILE = ".beads/issues.jsonl";

    @TempDir
    Path repo;
    @TempDir
    Path scratch;

    private final Issue a = issue("bd-a");
    private final Issue b = issue("bd-b");
    private final Issue c = issue("bd-c");

    @Test
    void whatGitsLineMergeConflictsOnMergesFieldByField() throws Exception {
        assumeTrue(gitWorks(), "git is not available");
        git("init", "-q", "-b", "main");
        commit(jsonl(a, b, c), "base");
        git("checkout", "-q", "-b", "left");
        commit(jsonl(a.toBuilder().assignee("alice").updatedAt(day(2)).build(),
                b.toBuilder().title("left title").updatedAt(day(3)).build(), c, issue("bd-d")), "left");
        git("checkout", "-q", "-b", "right", "main");
        commit(jsonl(a.toBuilder().labels(List.of("urgent")).priority(0).updatedAt(day(4)).build(),
                b.toBuilder().title("right title").updatedAt(day(2)).build(), closed(c, day(5), "done"),
                issue("bd-e")), "right");
        git("checkout", "-q", "left");

        assertThat(run("merge", "-q", "--no-edit", "right")).as("git merge exit code").isNotZero();
        String working = Files.readString(repo.resolve(FILE));
        assertThat(working).contains("<<<<<<<", ">>>>>>>");

        String base = git("show", ":1:" + FILE);
        String ours = git("show", ":2:" + FILE);
        String theirs = git("show", ":3:" + FILE);
        assertThatThrownBy(() -> MergeFixtures.merge(base, working, theirs))
                .isInstanceOf(MergeInputException.class);

        MergeResult result = MergeFixtures.merge(base, ours, theirs);
        assertThat(result.conflicts()).isEmpty();
        Map<String, Issue> merged = issues(result);
        assertThat(merged).containsOnlyKeys("bd-a", "bd-b", "bd-c", "bd-d", "bd-e");
        Issue mergedA = merged.get("bd-a");
        assertThat(mergedA.assignee()).isEqualTo("alice");
        assertThat(mergedA.labels()).containsExactly("urgent");
        assertThat(mergedA.priority()).isZero();
        assertThat(mergedA.updatedAt()).isEqualTo(day(4));
        assertThat(merged.get("bd-b").title()).as("the later update's title").isEqualTo("left title");
        assertThat(merged.get("bd-c").status()).isEqualTo(Status.CLOSED);

        Files.writeString(repo.resolve(FILE), result.merged());
        git("add", FILE);
        git("commit", "-q", "--no-edit");
        assertThat(git("show", "HEAD:" + FILE)).isEqualTo(result.merged());
    }

    private void commit(String text, String message) throws IOException, InterruptedException {
        Files.createDirectories(repo.resolve(".beads"));
        Files.writeString(repo.resolve(FILE), text);
        git("add", FILE);
        git("commit", "-q", "-m", message);
    }

    /** Runs git and returns its standard output; fails the test on a non-zero exit. */
    private String git(String... args) throws IOException, InterruptedException {
        Path out = scratch.resolve("out");
        int exit = run(out, args);
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(exit).as("git %s: %s", String.join(" ", args), Files.readString(scratch.resolve("err")))
                .isZero();
        return stdout;
    }

    private int run(String... args) throws IOException, InterruptedException {
        return run(scratch.resolve("out"), args);
    }

    private int run(Path stdout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Merge Test",
                "-c", "user.email=merge@example.com", "-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(scratch.resolve("err").toFile());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", scratch.resolve("no-global-config").toString());
        return pb.start().waitFor();
    }

    private boolean gitWorks() {
        try {
            return run("--version") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
