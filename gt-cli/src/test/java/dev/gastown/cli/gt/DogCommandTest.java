package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.agent.ScriptBlocks;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.FormulaPours;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DogCommandTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;
    Gt deacon;
    Ledger ledger;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        overseer = Gt.in(f.town);
        deacon = overseer.as(Address.DEACON);
        ledger = f.ledger(Address.DEACON);
    }

    private String task(String title) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue(title)).id());
    }

    private JsonArray dogs() {
        return overseer.run("--json", "dog", "list").ok().json().asArray();
    }

    @Test
    void addListSlingAndRemove() {
        assertThat(overseer.ok("dog", "list")).contains("No dogs.");
        assertThat(overseer.ok("dog", "add", "rex")).contains("Added deacon/dogs/rex at "
                + f.town.dogsDir().resolve("rex"));
        assertThat(overseer.run("dog", "add", "Rex").exitCode()).isEqualTo(1);
        assertThat(dogs().get(0).asObject().string("address")).isEqualTo("deacon/dogs/rex");
        assertThat(dogs().get(0).asObject().get("idle").asBoolean()).isTrue();

        String work = task("Tidy the town");
        JsonObject slung = deacon.run("--json", "sling", work, "deacon/dogs", "--naked").ok().json().asArray().get(0)
                .asObject();
        assertThat(slung.string("agent")).isEqualTo("deacon/dogs/rex");
        assertThat(slung.string("workdir")).isEqualTo(f.town.dogsDir().resolve("rex").toString());
        assertThat(overseer.ok("dog", "ls")).contains("deacon/dogs/rex").contains("working on " + work);
        Gt rex = overseer.at(f.town.dogsDir().resolve("rex"));
        assertThat(rex.run("--json", "whoami").ok().json().asObject().string("address")).isEqualTo("deacon/dogs/rex");
        assertThat(rex.ok("prime")).contains("# You are dog rex");

        CliRun refused = overseer.run("dog", "remove", "rex");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refusing to remove deacon/dogs/rex").contains(work);
        assertThat(overseer.run("--json", "dog", "rm", "rex", "--force").ok().json().asObject().get("removed")
                .asArray().get(0).asString()).isEqualTo("deacon/dogs/rex");
        assertThat(dogs().size()).isZero();
        assertThat(overseer.run("sling", task("Another"), "deacon/dogs/rex", "--naked").exitCode()).isEqualTo(1);
    }

    /**
     * The Deacon dispatches mol-dog-maintenance; the dog walks it the way the scripted agent does (each step's
     * {@code sh} commands, then the step is closed). The jobs clean up real leftovers, and the dog's own molecule,
     * hooked and in progress while gc-wisps runs, survives its own sweep.
     */
    @Test
    void aDogWalksTheMaintenanceFormulaAndItsJobsDoTheirWork() {
        BeadsContext rigStore = ledger.rig(TownFixture.RIG);
        Poured finished = new FormulaPours(f.town.root(), null).pour(rigStore, "towers-of-hanoi",
                Map.of("disks", "2"), Map.of(), true, "");
        ledger.write(rigStore, tx -> {
            finished.ids().forEach(id -> Closing.close(tx, rigStore, id, "done", true));
            return null;
        });
        Path bare = f.town.rig(TownFixture.RIG).bareRepo();
        Git.run(bare, "branch", "polecat/leftover-1", "main");

        JsonObject slung = deacon.run("--json", "sling", "mol-dog-maintenance", "deacon/dogs", "--naked").ok().json()
                .asArray().get(0).asObject();
        assertThat(slung.string("agent")).isEqualTo("deacon/dogs/alpha");
        Gt dog = overseer.at(Path.of(slung.string("workdir"))).as(new Address.Dog("alpha"));
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonObject step = dog.run("--json", "hook").ok().json().asObject().get("molecule").asObject()
                    .get("step").asObject();
            String description = ledger.read(ledger.hq(), v -> v.get(step.string("id")).description());
            for (String block : ScriptBlocks.of(description)) {
                for (String line : block.strip().split("\n")) {
                    assertThat(line).startsWith("gt ");
                    dog.run(line.substring("gt ".length()).split(" ")).ok();
                    ran.add(line);
                }
            }
            dog.run("mol", "step", "done", step.string("id")).ok();
        }
        assertThat(ran).containsExactly("gt dog gc-wisps --older-than 24h", "gt dog stale-branches",
                "gt dog reap-orphans --min-age 1m");
        boolean finishedLeft = ledger.read(rigStore, v -> v.contains(finished.rootId()));
        assertThat(finishedLeft).isFalse();
        assertThat(new GitCli(bare).check("branch", "--list", "polecat/leftover-1")).isEmpty();

        JsonObject last = dog.run("--json", "hook").ok().json().asObject().get("molecule").asObject();
        assertThat(last.get("step").asObject().string("title")).isEqualTo("Report to the Deacon");
        dog.run("mail", "send", "deacon/", "-s", "DOG_DONE alpha", "-m", "maintenance done").ok();
        dog.run("mol", "step", "done", last.get("step").asObject().string("id")).ok();
        assertThat(dogs().get(0).asObject().get("idle").asBoolean()).isTrue();
        assertThat(deacon.ok("mail", "inbox")).contains("DOG_DONE alpha");
    }

    @Test
    void jobsReportInJsonAndDryRunsChangeNothing() {
        Path bare = f.town.rig(TownFixture.RIG).bareRepo();
        Git.run(bare, "branch", "polecat/leftover-1", "main");
        JsonObject branches = overseer.run("--json", "dog", "stale-branches", TownFixture.RIG, "--dry-run").ok()
                .json().asObject();
        assertThat(branches.get("branches").asArray().get(0).asObject().string("verdict")).isEqualTo("would_delete");
        assertThat(new GitCli(bare).check("branch", "--list", "polecat/leftover-1")).isNotEmpty();
        assertThat(overseer.ok("dog", "stale-branches")).contains("deleted gastown bare polecat/leftover-1");

        JsonObject wisps = overseer.run("--json", "dog", "gc-wisps", "--older-than", "6h", "--dry-run").ok().json()
                .asObject();
        assertThat(wisps.get("older_than_seconds").asLong()).isEqualTo(6 * 3600);
        assertThat(wisps.get("stores").asArray().size()).isEqualTo(2);
        assertThat(overseer.ok("dog", "gc-wisps")).contains("hq: nothing to collect")
                .contains("gastown: nothing to collect");
        assertThat(overseer.run("dog", "gc-wisps", "--older-than", "soon").exitCode()).isEqualTo(2);

        JsonObject orphans = overseer.run("--json", "dog", "reap-orphans", "--dry-run").ok().json().asObject();
        if (orphans.get("supported").asBoolean()) {
            assertThat(orphans.get("orphans").asArray().size()).isZero();
        }
    }
}
