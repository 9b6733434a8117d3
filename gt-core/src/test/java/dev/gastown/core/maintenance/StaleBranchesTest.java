package dev.gastown.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.maintenance.StaleBranches.Decision;
import dev.gastown.core.maintenance.StaleBranches.Verdict;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.workers.Polecats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleBranchesTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    RigLayout layout;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(new Address.Dog("alpha"));
        layout = f.town.rig(TownFixture.RIG);
    }

    /** A polecat that committed one change, then lost its worktree without being nuked: its branch is left. */
    private String abandonedWithCommit(String file, boolean landed) throws Exception {
        Polecats.Polecat p = new Polecats(ledger).spawn(TownFixture.RIG, null);
        Files.writeString(p.dir().resolve(file), file + "\n");
        Git.run(p.dir(), "add", file);
        Git.run(p.dir(), "commit", "-q", "-m", "add " + file);
        if (landed) {
            Git.run(p.dir(), "push", "-q", "origin", "HEAD:main");
        }
        Git.run(layout.bareRepo(), "worktree", "remove", "--force", p.dir().toString());
        return p.branch();
    }

    private List<String> branches(Path repo) {
        String out = new GitCli(repo).check("for-each-ref", "--format=%(refname:short)", "refs/heads/polecat/");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    @Test
    void onlyLandedBranchesNoWorktreeOrMergeRequestHoldsAreDeleted() throws Exception {
        String live = new Polecats(ledger).spawn(TownFixture.RIG, null).branch();
        String landed = abandonedWithCommit("landed.txt", true);
        String unmerged = abandonedWithCommit("draft.txt", false);
        Git.run(layout.bareRepo(), "branch", "polecat/empty-1", "main");
        Git.run(layout.bareRepo(), "branch", "polecat/queued-1", "main");
        BeadsContext store = ledger.rig(TownFixture.RIG);
        ledger.write(store, tx -> IssueFactory.create(tx, store, new NewIssue("Merge polecat/queued-1")
                .type(IssueType.MERGE_REQUEST).description(Fields.render(Map.of("branch", "polecat/queued-1")))));
        Git.run(layout.mayorClone(), "branch", "polecat/old-1", "origin/main");
        Git.run(layout.mayorClone(), "switch", "-q", "-c", "polecat/current-1");

        StaleBranches job = new StaleBranches(ledger);
        List<Decision> dry = job.sweep(TownFixture.RIG, true);
        assertThat(dry).filteredOn(d -> d.verdict() == Verdict.WOULD_DELETE).extracting(Decision::repo,
                Decision::branch).containsExactlyInAnyOrder(tuple("bare", landed), tuple("bare", "polecat/empty-1"),
                        tuple("mayor", "polecat/old-1"));
        assertThat(branches(layout.bareRepo())).hasSize(5);

        List<Decision> done = job.sweep(null, false);
        assertThat(done).filteredOn(d -> d.verdict() == Verdict.DELETED).extracting(Decision::repo, Decision::branch)
                .containsExactlyInAnyOrder(tuple("bare", landed), tuple("bare", "polecat/empty-1"),
                        tuple("mayor", "polecat/old-1"));
        assertThat(done).filteredOn(d -> d.verdict() == Verdict.KEPT).extracting(Decision::branch, Decision::reason)
                .containsExactlyInAnyOrder(
                        tuple(live, "checked out in " + layout.polecatDir("furiosa")),
                        tuple(unmerged, "1 commit(s) not on origin/main"),
                        tuple("polecat/queued-1", "an open merge request names it"),
                        tuple("polecat/current-1", "checked out in " + layout.mayorClone()));
        assertThat(branches(layout.bareRepo())).containsExactlyInAnyOrder(live, unmerged, "polecat/queued-1");
        assertThat(branches(layout.mayorClone())).containsExactly("polecat/current-1");
        assertThat(job.sweep(TownFixture.RIG, false)).noneMatch(d -> d.verdict() == Verdict.DELETED);
    }
}
