package dev.gastown.core.formula;

import static dev.gastown.core.formula.CorpusFormulasTest.blocks;
import static dev.gastown.core.formula.CorpusFormulasTest.keys;
import static dev.gastown.core.formula.CorpusFormulasTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cooking stages on small hand-written formulas. */
class CookingPipelineTest {
    @TempDir
    Path tmp;
    FormulaDir dir;

    @BeforeEach
    void setUp() {
        dir = new FormulaDir(tmp);
    }

    @Test
    void conditionsDropStepsAndBridgeTheirDependents() {
        dir.toml("cond", """
                formula = "cond"
                [vars]
                tests = "yes"
                env = "dev"
                [[steps]]
                id = "build"
                title = "Build"
                [[steps]]
                id = "test"
                title = "Test"
                needs = ["build"]
                condition = "{{tests}}"
                [[steps]]
                id = "stage"
                title = "Stage"
                needs = ["test"]
                condition = "{{env}} != 'prod'"
                [[steps]]
                id = "ship"
                title = "Ship"
                needs = ["stage"]
                condition = "!{{skip_ship}}"
                """);
        Template all = dir.pour("cond", Map.of()).template();
        assertThat(keys(all)).containsExactly("build", "test", "stage", "ship");
        Template trimmed = dir.pour("cond", Map.of("tests", "off", "env", "prod")).template();
        assertThat(keys(trimmed)).containsExactly("build", "ship");
        assertThat(blocks(trimmed, "ship")).containsExactly("build");
        assertThat(keys(dir.pour("cond", Map.of("skip_ship", "true")).template())).doesNotContain("ship");
        assertThat(keys(dir.proto("cond", Map.of("tests", "no")).template())).contains("test");
    }

    @Test
    void waitsForBecomesAGateEdgeWithMetadataAndALabel() {
        dir.toml("fanout", """
                formula = "fanout"
                [[steps]]
                id = "survey"
                title = "Survey"
                [[steps]]
                id = "collect"
                title = "Collect"
                needs = ["survey"]
                waits_for = "any-children"
                [[steps]]
                id = "report"
                title = "Report"
                waits_for = "children-of(survey)"
                """);
        Template t = dir.pour("fanout", Map.of()).template();
        assertThat(t.edges()).filteredOn(e -> e.from().equals("collect") && !e.type().equals(
                DependencyType.PARENT_CHILD)).containsExactly(
                new TemplateEdge("collect", "survey", DependencyType.WAITS_FOR, "{\"gate\":\"any-children\"}"));
        assertThat(t.edges()).contains(new TemplateEdge("report", "survey", DependencyType.WAITS_FOR,
                "{\"gate\":\"all-children\",\"spawner_id\":\"survey\"}"));
        assertThat(node(t, "collect").labels()).containsExactly("gate:any-children");
        assertThat(node(t, "report").labels()).containsExactly("gate:children-of(survey)");
    }

    @Test
    void composeBranchAndGate() {
        dir.toml("fork", """
                formula = "fork"
                [[steps]]
                id = "start"
                title = "Start"
                [[steps]]
                id = "left"
                title = "Left"
                [[steps]]
                id = "right"
                title = "Right"
                [[steps]]
                id = "join"
                title = "Join"
                [[compose.branch]]
                from = "start"
                steps = ["left", "right"]
                join = "join"
                [[compose.gate]]
                before = "join"
                condition = "left.status == 'complete'"
                """);
        Template t = dir.pour("fork", Map.of()).template();
        assertThat(blocks(t, "left")).containsExactly("start");
        assertThat(blocks(t, "right")).containsExactly("start");
        assertThat(blocks(t, "join")).containsExactly("left", "right");
        assertThat(node(t, "join").labels()).containsExactly("gate:{\"condition\":\"left.status == 'complete'\"}");
    }

    private void twoStepExpansion() {
        dir.toml("twice", """
                formula = "twice"
                type = "expansion"
                [vars]
                flavour = "plain"
                [[template]]
                id = "{target}.first"
                title = "First {flavour} pass at {target.title}"
                [[template]]
                id = "{target}.second"
                title = "Second pass"
                needs = ["{target}.first"]
                """);
    }

    @Test
    void mapExpandsMatchesInStepOrderAndInlineExpandUsesExpandVars() {
        twoStepExpansion();
        dir.toml("mapped", """
                formula = "mapped"
                [[steps]]
                id = "a.impl"
                title = "A"
                [[steps]]
                id = "b.impl"
                title = "B"
                needs = ["a.impl"]
                [[steps]]
                id = "c"
                title = "C"
                expand = "twice"
                expand_vars = { flavour = "spicy" }
                [[steps]]
                id = "d"
                title = "D"
                needs = ["c", "b.impl"]
                [[compose.map]]
                select = "*.impl"
                with = "twice"
                """);
        Template t = dir.pour("mapped", Map.of()).template();
        assertThat(keys(t)).containsExactly("a.impl.first", "a.impl.second", "b.impl.first", "b.impl.second",
                "c.first", "c.second", "d");
        assertThat(node(t, "c.first").title()).isEqualTo("First spicy pass at C");
        assertThat(node(t, "a.impl.first").title()).isEqualTo("First plain pass at A");
        assertThat(blocks(t, "b.impl.first")).isEmpty();
        assertThat(blocks(t, "d")).containsExactly("c.second", "b.impl.second");
    }

    @Test
    void ownAdviceWithGlobsAndSingleBeforeAfter() {
        dir.toml("logged", """
                formula = "logged"
                [[steps]]
                id = "x.build"
                title = "Build"
                [[steps]]
                id = "x.test"
                title = "Test"
                needs = ["x.build"]
                [[advice]]
                target = "x.*"
                [advice.before]
                id = "log-{step.id}"
                [advice.after]
                id = "{step.id}-done"
                title = "Done: {step.title}"
                type = "chore"
                """);
        Template t = dir.pour("logged", Map.of()).template();
        assertThat(keys(t)).containsExactly("log-x.build", "x.build", "x.build-done", "log-x.test", "x.test",
                "x.test-done");
        assertThat(node(t, "log-x.build").title()).isEqualTo("log-x.build");
        assertThat(node(t, "x.test-done").title()).isEqualTo("Done: Test");
        assertThat(node(t, "x.test-done").type()).isEqualTo(IssueType.CHORE);
        assertThat(node(t, "x.test-done").sourceLocation()).isEqualTo("advice[0].after");
        assertThat(blocks(t, "x.test")).containsExactly("x.build", "log-x.test");
    }

    @Test
    void extendsMergesVarsComposeAndAdvice() {
        twoStepExpansion();
        dir.toml("base", """
                formula = "base"
                description = "Base work"
                phase = "vapor"
                [vars]
                who = "base"
                [[steps]]
                id = "work"
                title = "Work for {{who}}"
                """);
        dir.toml("child", """
                formula = "child"
                extends = ["base"]
                [vars]
                who = "child"
                [[steps]]
                id = "check"
                title = "Check"
                needs = ["work"]
                [[compose.expand]]
                target = "work"
                with = "twice"
                """);
        CookedFormula cooked = dir.pour("child", Map.of());
        assertThat(cooked.formula().description()).isEqualTo("Base work");
        assertThat(cooked.prefersWisp()).isTrue();
        assertThat(keys(cooked.template())).containsExactly("work.first", "work.second", "check");
        assertThat(node(cooked.template(), "work.first").title()).isEqualTo("First plain pass at Work for child");
        assertThat(blocks(cooked.template(), "check")).containsExactly("work.second");
    }

    @Test
    void rootTitleAndDescriptionFromVarsAndStepTypes() {
        dir.toml("rooted", """
                formula = "rooted"
                description = "ignored"
                [vars.title]
                required = true
                [vars.desc]
                default = "About it"
                [[steps]]
                id = "group"
                title = "Group"
                type = "parallel"
                assignee = "{{title}}-owner"
                [[steps.children]]
                id = "fix"
                title = "Fix"
                type = "bug"
                priority = 0
                labels = ["urgent"]
                acceptance = "It works"
                notes = "n"
                [[steps]]
                id = "odd"
                title = "Odd"
                type = "parallel"
                """);
        Template t = dir.pour("rooted", Map.of("title", "Release")).template();
        assertThat(t.root().title()).isEqualTo("Release");
        assertThat(t.root().description()).isEqualTo("About it");
        assertThat(node(t, "group").type()).isEqualTo(IssueType.EPIC);
        assertThat(node(t, "group").assignee()).isEqualTo("Release-owner");
        assertThat(node(t, "odd").type()).isEqualTo(IssueType.TASK);
        assertThat(node(t, "fix").type()).isEqualTo(IssueType.BUG);
        assertThat(node(t, "fix").priority()).isZero();
        assertThat(node(t, "fix").labels()).containsExactly("urgent");
        assertThat(node(t, "fix").acceptanceCriteria()).isEqualTo("It works");
        assertThat(node(t, "fix").notes()).isEqualTo("n");
        Template proto = dir.proto("rooted", Map.of()).template();
        assertThat(proto.root().title()).isEqualTo("{{title}}");
    }

    @Test
    void aStepMayNotNeedItsOwnParent() {
        dir.toml("selfish", """
                formula = "selfish"
                [[steps]]
                id = "p"
                title = "P"
                [[steps.children]]
                id = "c"
                title = "C"
                needs = ["p"]
                """);
        assertThatThrownBy(() -> dir.pour("selfish", Map.of()))
                .hasMessageContaining("step \"c\": needs its own parent \"p\"");
    }

    @Test
    void anExpansionCooksOnItsOwnAgainstItsName() {
        twoStepExpansion();
        Template t = dir.proto("twice", Map.of()).template();
        assertThat(keys(t)).containsExactly("twice.first", "twice.second");
    }
}
