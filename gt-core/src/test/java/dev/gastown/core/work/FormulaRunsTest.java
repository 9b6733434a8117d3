package dev.gastown.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.core.GtException;
import dev.gastown.core.convoy.Convoy;
import dev.gastown.core.convoy.ConvoyLanding;
import dev.gastown.core.convoy.ConvoyQueries;
import dev.gastown.core.convoy.TrackedIssue;
import dev.gastown.core.formula.FormulaException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.workers.Polecats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormulaRunsTest {
    static final String MINI_REVIEW = """
            formula = "mini-review"
            type = "convoy"
            version = 1
            description = \"""
            Two quick looks at one change.
            Then a verdict.
            \"""

            [inputs.pr]
            description = "Pull request number"
            type = "number"
            required_unless = ["branch"]

            [inputs.branch]
            description = "Branch to look at"
            type = "string"
            required_unless = ["pr"]

            [prompts]
            base = "Review {{.review_id}} for {{.leg.focus}}; write to {{.output_path}}."

            [output]
            directory = ".reviews/{{.review_id}}"
            leg_pattern = "{{.leg.id}}.md"
            synthesis = "verdict.md"

            [[legs]]
            id = "alpha"
            title = "Alpha look"
            focus = "alpha things"
            description = "Look at alpha."

            [[legs]]
            id = "beta"
            title = "Beta look"
            focus = "beta things"
            description = "Look at beta."

            [synthesis]
            title = "Verdict"
            description = "Merge the looks of {{.review_id}}."
            """;

    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    BeadsContext rig;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.MAYOR);
        rig = ledger.rig(TownFixture.RIG);
        TownFixture.write(rig.store().dir().root().resolve(".beads/formulas/mini-review.formula.toml"),
                MINI_REVIEW);
    }

    private FormulaRuns runs() {
        return new FormulaRuns(ledger, new FormulaPours(f.town.root(), null), Address.MAYOR);
    }

    private static FormulaRuns.Request request(String formula, Map<String, String> inputs) {
        return new FormulaRuns.Request(formula, "", inputs);
    }

    private List<String> ids(BeadsContext store) {
        return ledger.read(store, v -> {
            List<String> out = new ArrayList<>();
            v.forEachIssue(r -> out.add(r.id()));
            return out;
        });
    }

    @Test
    void aRunMakesTheConvoyLegsAndSynthesisAndSlingsEachLegToItsOwnPolecat() {
        FormulaRuns.Run run = runs().run(runs().plan(request("mini-review", Map.of("pr", "42"))));
        FormulaRuns.Plan plan = run.plan();
        assertThat(plan.rig()).isEqualTo(TownFixture.RIG);
        assertThat(plan.reviewId()).isEqualTo("pr-42");

        Issue convoy = ledger.read(ledger.hq(), v -> v.get(plan.convoyId()));
        assertThat(convoy.title()).isEqualTo("mini-review: Two quick looks at one change.");
        assertThat(convoy.description()).contains("Formula convoy: mini-review").contains("Legs: 2")
                .contains("Rig: gastown");

        assertThat(run.legs()).extracting(FormulaRuns.Leg::legId).containsExactly("alpha", "beta");
        assertThat(run.legs()).extracting(l -> l.slung().agent().toString())
                .containsExactly("gastown/polecats/furiosa", "gastown/polecats/nux");
        Issue alpha = ledger.read(rig, v -> v.get(run.legs().get(0).beadId()));
        assertThat(alpha.title()).isEqualTo("Alpha look");
        assertThat(alpha.status()).isEqualTo(Status.HOOKED);
        assertThat(alpha.description()).contains("Review pr-42 for alpha things")
                .contains("output_path: .reviews/pr-42/alpha.md");
        assertThat(Fields.get(alpha.description(), "convoy")).contains(plan.convoyId());

        Issue synthesis = ledger.read(rig, v -> v.get(run.synthesisId()));
        assertThat(synthesis.title()).isEqualTo("Verdict");
        assertThat(synthesis.dependencies()).allMatch(d -> d.type().equals(DependencyType.BLOCKS))
                .extracting(d -> d.dependsOnId())
                .containsExactlyInAnyOrder(run.legs().get(0).beadId(), run.legs().get(1).beadId());
        boolean blocked = ledger.read(rig, v -> v.isBlocked(run.synthesisId()));
        assertThat(blocked).isTrue();

        Convoy c = new ConvoyQueries(ledger).get(plan.convoyId());
        assertThat(c.tracked()).extracting(TrackedIssue::id).containsExactly(run.legs().get(0).beadId(),
                run.legs().get(1).beadId(), run.synthesisId());
        assertThat(c.tracked()).extracting(TrackedIssue::worker)
                .containsExactly("gastown/polecats/furiosa", "gastown/polecats/nux", "");
    }

    @Test
    void closingEveryLegAndTheSynthesisLandsTheConvoy() {
        FormulaRuns.Run run = runs().run(runs().plan(request("mini-review", Map.of("branch", "feature/x"))));
        List<String> all = new ArrayList<>();
        run.legs().forEach(l -> all.add(l.beadId()));
        all.add(run.synthesisId());
        ledger.write(rig, tx -> {
            all.forEach(id -> Closing.close(tx, rig, id, "done", false));
            return null;
        });
        assertThat(new ConvoyLanding(ledger).afterClose(all)).extracting(ConvoyLanding.Landed::convoyId)
                .containsExactly(run.plan().convoyId());
    }

    @Test
    void planningWritesNothing() {
        List<String> rigBefore = ids(rig);
        List<String> hqBefore = ids(ledger.hq());
        FormulaRuns.Plan plan = runs().plan(request("code-review", Map.of("pr", "7")));
        assertThat(plan.convoy().legs()).hasSize(6);
        assertThat(plan.toJson().get("legs").asArray().items()).hasSize(6);
        assertThat(ids(rig)).isEqualTo(rigBefore);
        assertThat(ids(ledger.hq())).isEqualTo(hqBefore);
        assertThat(new Polecats(ledger).list(TownFixture.RIG)).isEmpty();
    }

    @Test
    void onlyConvoyFormulasRunAndBadInputsAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> runs().plan(request("towers-of-hanoi", Map.of())))
                .isInstanceOfSatisfying(FormulaException.class, e -> assertThat(e.kind())
                        .isEqualTo(FormulaException.Kind.WRONG_TYPE))
                .hasMessageContaining("gt sling towers-of-hanoi");
        assertThatThrownBy(() -> runs().plan(request("mini-review", Map.of())))
                .hasMessageContaining("is required unless");
        assertThatThrownBy(() -> runs().plan(request("mini-review", Map.of("pr", "x"))))
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> runs().plan(new FormulaRuns.Request("mini-review", "nowhere", Map.of("pr", "1"))))
                .isInstanceOf(GtException.class).hasMessageContaining("no rig named \"nowhere\"");
        assertThatThrownBy(() -> new FormulaRuns(ledger, new FormulaPours(f.town.root(), null),
                new Address.Polecat(TownFixture.RIG, "nux")).plan(request("mini-review", Map.of("pr", "1"))))
                .hasMessageContaining("polecats do not start convoys");
        assertThat(new ConvoyQueries(ledger).all()).isEmpty();
    }

    @Test
    void aLegThatCannotBeSlungUndoesTheWholeRun() throws Exception {
        // the rig's own polecat workflow refuses any leg whose title does not start with "Alpha": the second leg
        // fails after the first was slung to a polecat
        TownFixture.write(rig.store().dir().root().resolve(".beads/formulas/mol-polecat-work.formula.toml"), """
                formula = "mol-polecat-work"
                version = 1
                description = "Alpha work only"

                [vars.issue]
                description = "The issue"
                required = true

                [vars.feature]
                description = "Its title"
                pattern = "^Alpha"

                [[steps]]
                id = "work"
                title = "Work on {{issue}}"
                """);
        List<String> rigBefore = ids(rig);
        List<String> hqBefore = ids(ledger.hq());
        FormulaRuns.Plan plan = runs().plan(request("mini-review", Map.of("pr", "1")));
        assertThatThrownBy(() -> runs().run(plan)).isInstanceOf(GtException.class)
                .hasMessageContaining("slinging leg beta").hasMessageContaining("does not match pattern")
                .hasMessageContaining("removed what the run had made");
        assertThat(ids(rig)).isEqualTo(rigBefore);
        assertThat(ids(ledger.hq())).doesNotContain(plan.convoyId());
        assertThat(new ConvoyQueries(ledger).all()).isEmpty();
        assertThat(new Polecats(ledger).list(TownFixture.RIG)).isEmpty();
        assertThat(new Hooks(ledger).find(new Address.Polecat(TownFixture.RIG, "furiosa"))).isEmpty();
    }
}
