package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormulaCommandsTest {
    static final String PAIR_REVIEW = """
            formula = "pair-review"
            type = "convoy"
            version = 1
            description = "Two reviewers, one verdict."

            [inputs.pr]
            description = "Pull request number"
            type = "number"
            required_unless = ["branch"]

            [inputs.branch]
            description = "Branch to review"
            type = "string"
            required_unless = ["pr"]

            [[legs]]
            id = "left"
            title = "Left review"
            focus = "the left half"
            description = "Review the left half of {{.review_id}}."

            [[legs]]
            id = "right"
            title = "Right review"
            focus = "the right half"
            description = "Review the right half."

            [synthesis]
            title = "Verdict"
            """;

    @TempDir
    Path tmp;

    TownFixture f;
    Gt gt;
    Bd hq;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        TownFixture.write(f.town.beads().path().resolve("formulas/pair-review.formula.toml"), PAIR_REVIEW);
        gt = new Gt(f.town.root());
        hq = new Bd(f.town.root());
    }

    private List<String> issueIds(Bd bd) {
        return bd.run("list", "--all", "-n", "0", "--json").ok().json().asArray().items().stream()
                .map(v -> v.asObject().string("id")).toList();
    }

    @Test
    void listAndShowSeeTheTownsAndTheShippedFormulas() {
        List<JsonValue> all = gt.run("formula", "list", "--json").ok().json().asArray().items();
        assertThat(all).extracting(v -> v.asObject().string("name")).contains("pair-review", "code-review",
                "mol-polecat-work");
        assertThat(all).filteredOn(v -> v.asObject().string("name").equals("code-review"))
                .extracting(v -> v.asObject().string("type")).containsExactly("convoy");
        JsonObject show = gt.run("formula", "show", "code-review", "--json").ok().json().asObject();
        assertThat(show.get("legs").asArray().items()).hasSize(6);
        assertThat(show.get("inputs").asObject().keys()).contains("pr", "branch", "range", "base");
        assertThat(gt.ok("formula", "show", "pair-review")).contains("Legs (one polecat each):")
                .contains("left: Left review (the left half)").contains("Synthesis: Verdict");
        assertThat(gt.ok("formulas", "show", "mol-polecat-work")).contains("Steps:");
    }

    @Test
    void aDryRunPrintsThePlanAndWritesNothing() {
        Bd rig = new Bd(f.town.rig(TownFixture.RIG).root());
        List<String> rigBefore = issueIds(rig);
        List<String> hqBefore = issueIds(hq);
        JsonObject plan = gt.run("formula", "run", "pair-review", "--pr=42", "--dry-run", "--json").ok().json()
                .asObject();
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        assertThat(plan.string("rig")).isEqualTo(TownFixture.RIG);
        assertThat(plan.string("review_id")).isEqualTo("pr-42");
        assertThat(plan.string("title")).isEqualTo("pair-review: Two reviewers, one verdict.");
        assertThat(plan.string("description")).contains("Formula convoy: pair-review").contains("Legs: 2")
                .contains("Rig: gastown");
        assertThat(plan.get("legs").asArray().items()).extracting(v -> v.asObject().string("leg"))
                .containsExactly("left", "right");
        assertThat(gt.ok("formula", "run", "code-review", "--branch", "feature/x", "-n"))
                .contains("Dry run, nothing written").contains("correctness: Correctness");
        assertThat(issueIds(rig)).isEqualTo(rigBefore);
        assertThat(issueIds(hq)).isEqualTo(hqBefore);
    }

    @Test
    void aRunCreatesTheConvoyAndSlingsEveryLeg() {
        JsonObject run = gt.run("formula", "run", "pair-review", "--var", "pr=7", "--rig", TownFixture.RIG,
                "--naked", "--json").ok().json().asObject();
        String cv = run.string("convoy");
        List<JsonValue> legs = run.get("legs").asArray().items();
        assertThat(legs).extracting(v -> v.asObject().string("polecat"))
                .containsExactly("gastown/polecats/furiosa", "gastown/polecats/nux");
        JsonObject status = gt.run("convoy", "status", cv, "--json").ok().json().asObject();
        assertThat(status.get("total").asLong()).isEqualTo(3);
        assertThat(status.get("tracked").asArray().items()).extracting(v -> v.asObject().string("status"))
                .containsExactly("hooked", "hooked", "open");
        assertThat(gt.run("convoy", "stranded", "--json").ok().json().asArray().items()).isEmpty();

        CliRun human = gt.run("formula", "run", "pair-review", "--branch=topic");
        assertThat(human.ok().out()).contains("🚚 Convoy hq-cv-").contains("left: ga-")
                .contains("→ gastown/polecats/");
        assertThat(human.err()).contains("No sessions were started");
    }

    @Test
    void onlyConvoyFormulasRunAndInputsAreChecked() {
        CliRun workflow = gt.run("formula", "run", "towers-of-hanoi");
        assertThat(workflow.exitCode()).isEqualTo(1);
        assertThat(workflow.err()).contains("gt sling towers-of-hanoi");
        CliRun unknown = gt.run("formula", "run", "pair-review", "--pr=1", "--colour=red");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown input colour");
        CliRun dangling = gt.run("formula", "run", "pair-review", "--pr");
        assertThat(dangling.exitCode()).isEqualTo(2);
        assertThat(dangling.err()).contains("--pr needs a value");
        assertThat(gt.run("convoy", "list", "--all", "--json").ok().json().asArray().items()).isEmpty();
    }
}
