package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimeAndMolCommandsTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        overseer = new Gt(f.town.root());
    }

    private String issue(String title) {
        Ledger ledger = f.ledger(Address.MAYOR);
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        return ledger.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title)).id());
    }

    /** Slings a new issue to the rig and returns gt run as the polecat, in its worktree. */
    private Gt polecatWithWork() {
        JsonObject slung = overseer.run("--json", "sling", issue("Add greeting"), TownFixture.RIG, "--naked").ok()
                .json().asArray().get(0).asObject();
        return overseer.at(Path.of(slung.string("workdir"))).env("GT_ROLE", slung.string("agent"));
    }

    private static Event lastSessionStart(TownFixture f) {
        return new EventLog(f.town).readAll().stream().filter(e -> e.type().equals("session_start"))
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void primeWithHookInputTakesTheSessionFromClaudesJsonAndPrintsTheStepToRun() {
        Gt polecat = polecatWithWork();
        String out = polecat.runWithInput("{\"session_id\":\"c0ffee-1\",\"transcript_path\":\"/x.jsonl\",\"cwd\":\"/\","
                + "\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}", "prime", "--hook").ok().out();
        assertThat(out).startsWith("[GAS TOWN] role:gastown/polecats/furiosa pid:")
                .contains(" session:c0ffee-1\n");
        int role = out.indexOf("# You are polecat furiosa");
        int work = out.indexOf("## 🚨 AUTONOMOUS WORK MODE 🚨");
        int step = out.indexOf("Run step ");
        int mail = out.indexOf("## 📬 Mail: 0 unread");
        assertThat(role).isPositive();
        assertThat(work).isGreaterThan(role);
        assertThat(step).isGreaterThan(work);
        assertThat(mail).isGreaterThan(step);
        assertThat(out).doesNotContain("## Startup");
        assertThat(lastSessionStart(f).payload().string("session_id")).isEqualTo("c0ffee-1");
    }

    @Test
    void primeToleratesHookInputThatIsNotJsonAndFallsBackToTheEnvironment() {
        Gt polecat = polecatWithWork().env("CLAUDE_SESSION_ID", "from-env");
        assertThat(polecat.runWithInput("hello, not json", "prime", "--hook").ok().out()).contains(" session:from-env\n");
        assertThat(polecat.runWithInput("", "prime", "--hook", "--session", "explicit").ok().out())
                .contains(" session:explicit\n");
    }

    @Test
    void primeJsonGivesTheStepAndTheOverseerIsRefused() {
        Gt polecat = polecatWithWork();
        JsonObject o = polecat.run("--json", "prime").ok().json().asObject();
        assertThat(o.get("identity").asObject().string("address")).isEqualTo("gastown/polecats/furiosa");
        assertThat(o.get("work").asObject().get("step").asObject().string("title"))
                .isEqualTo("Load your role and your hook");
        CliRun refused = overseer.run("prime");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("overseer");
    }

    @Test
    void molStepDoneWalksTheHookedMoleculeWithTheExactJson() {
        Gt polecat = polecatWithWork();
        JsonObject current = polecat.run("--json", "mol", "current").ok().json().asObject();
        assertThat(current.string("state")).isEqualTo("ready");
        String step = current.get("step").asObject().string("id");
        JsonObject done = polecat.run("--json", "mol", "step", "done", step).ok().json().asObject();
        assertThat(done.keys()).containsExactly("step_id", "molecule_id", "step_closed", "next_step_id",
                "next_step_title", "complete", "action");
        assertThat(done.string("action")).isEqualTo("continue");
        assertThat(done.string("next_step_title")).isEqualTo("Read issue " + polecat.run("--json", "mol", "status")
                .ok().json().asObject().get("bead").asObject().string("id"));
        JsonObject now = polecat.run("--json", "mol", "current").ok().json().asObject();
        assertThat(now.string("state")).isEqualTo("working");
        assertThat(now.get("step").asObject().string("id")).isEqualTo(done.string("next_step_id"));
        JsonObject progress = polecat.run("--json", "mol", "progress", done.string("molecule_id")).ok().json()
                .asObject();
        assertThat(progress.get("completed").asLong()).isEqualTo(1);
        assertThat(polecat.ok("mol", "step", "done", done.string("next_step_id"))).contains("→ Claimed next step");
    }

    @Test
    void molSquashOfAPatrolCycleEmptiesTheHookAndTheNextPrimeStartsAnother() {
        Gt witness = overseer.at(f.town.rig(TownFixture.RIG).witnessDir());
        String first = witness.run("--json", "prime").ok().json().asObject().get("patrol").asObject()
                .string("molecule_id");
        JsonObject squashed = witness.run("--json", "mol", "squash", "--summary", "quiet cycle").ok().json()
                .asObject();
        assertThat(squashed.string("molecule_id")).isEqualTo(first);
        assertThat(witness.ok("mol", "status")).contains("Nothing on gastown/witness's hook");
        String second = witness.run("--json", "prime").ok().json().asObject().get("patrol").asObject()
                .string("molecule_id");
        assertThat(second).isNotEqualTo(first);
    }
}
