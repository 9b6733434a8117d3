package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.mol.TemplateNode;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.testing.Corpora;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden checks of real formulas: expansion and aspect wiring, children, gates, convoys, TOML versus JSON. */
class CorpusFormulasTest {
    private static final Path GASTOWN = Corpora.root().resolve("gastown-2026-01-03/formulas");
    private final FormulaCooker cooker = new FormulaCooker(FormulaLibrary.of(GASTOWN));

    private Template pour(String name, Map<String, String> vars) {
        return cooker.cook(name, vars, CookMode.POUR).template();
    }

    static List<String> keys(Template t) {
        return t.steps().stream().map(TemplateNode::key).toList();
    }

    static List<String> blocks(Template t, String from) {
        return t.edges().stream().filter(e -> e.from().equals(from) && e.type().equals(DependencyType.BLOCKS))
                .map(TemplateEdge::to).toList();
    }

    static String parent(Template t, String key) {
        return t.edges().stream()
                .filter(e -> e.from().equals(key) && e.type().equals(DependencyType.PARENT_CHILD))
                .map(TemplateEdge::to).findFirst().orElseThrow();
    }

    static TemplateNode node(Template t, String key) {
        return t.steps().stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void shinyIsAChainOfFiveStepsUnderAnEpicRoot() {
        CookedFormula cooked = cooker.cook("shiny", Map.of("feature", "login"), CookMode.POUR);
        Template t = cooked.template();
        assertThat(t.root().key()).isEqualTo("shiny");
        assertThat(t.root().title()).isEqualTo("shiny");
        assertThat(t.root().type()).isEqualTo(IssueType.EPIC);
        assertThat(t.root().priority()).isEqualTo(2);
        assertThat(t.root().description()).startsWith("Engineer in a Box");
        assertThat(keys(t)).containsExactly("design", "implement", "review", "test", "submit");
        assertThat(node(t, "implement").title()).isEqualTo("Implement login");
        assertThat(node(t, "implement").type()).isEqualTo(IssueType.TASK);
        assertThat(node(t, "implement").sourceLocation()).isEqualTo("steps[1]");
        assertThat(blocks(t, "design")).isEmpty();
        assertThat(blocks(t, "implement")).containsExactly("design");
        assertThat(blocks(t, "submit")).containsExactly("test");
        assertThat(keys(t)).allSatisfy(k -> assertThat(parent(t, k)).isEqualTo("shiny"));
        assertThat(t.edges()).hasSize(9);
        assertThat(cooked.variables()).containsExactly("feature");
        assertThat(cooked.requiredVars()).containsExactly("feature");
    }

    @Test
    void shinyProtoKeepsPlaceholders() {
        Template t = cooker.cook("shiny", Map.of(), CookMode.PROTO).template();
        assertThat(node(t, "design").title()).isEqualTo("Design {{feature}}");
    }

    @Test
    void shinyEnterpriseReplacesImplementWithTheRuleOfFive() {
        Template t = pour("shiny-enterprise", Map.of("feature", "login"));
        assertThat(t.root().key()).isEqualTo("shiny-enterprise");
        assertThat(keys(t)).containsExactly("design", "implement.draft", "implement.refine-1", "implement.refine-2",
                "implement.refine-3", "implement.refine-4", "review", "test", "submit");
        TemplateNode draft = node(t, "implement.draft");
        assertThat(draft.title()).isEqualTo("Draft: Implement login");
        assertThat(draft.description()).startsWith("Initial attempt at: Write the code for login.");
        assertThat(draft.sourceFormula()).isEqualTo("rule-of-five");
        // The first expanded step does not inherit the target's needs (beads behaviour).
        assertThat(blocks(t, "implement.draft")).isEmpty();
        assertThat(blocks(t, "implement.refine-1")).containsExactly("implement.draft");
        assertThat(blocks(t, "implement.refine-4")).containsExactly("implement.refine-3");
        // Whatever needed the target now needs the last expanded step.
        assertThat(blocks(t, "review")).containsExactly("implement.refine-4");
        assertThat(node(t, "design").sourceFormula()).isEqualTo("shiny");
    }

    @Test
    void shinySecureWrapsImplementAndSubmitWithSecurityScans() {
        Template t = pour("shiny-secure", Map.of("feature", "login"));
        assertThat(keys(t)).containsExactly("design", "implement-security-prescan", "implement",
                "implement-security-postscan", "review", "test", "submit-security-prescan", "submit",
                "submit-security-postscan");
        assertThat(node(t, "implement-security-prescan").title()).isEqualTo("Security prescan for implement");
        assertThat(node(t, "implement-security-prescan").sourceLocation()).isEqualTo("advice[0].around.before[0]");
        // The first before-step needs nothing; the target needs the last before-step too.
        assertThat(blocks(t, "implement-security-prescan")).isEmpty();
        assertThat(blocks(t, "implement")).containsExactly("design", "implement-security-prescan");
        assertThat(blocks(t, "implement-security-postscan")).containsExactly("implement");
        // Dependents of the target are not moved to the after-steps.
        assertThat(blocks(t, "review")).containsExactly("implement");
        assertThat(blocks(t, "submit")).containsExactly("test", "submit-security-prescan");
        assertThat(blocks(t, "submit-security-postscan")).containsExactly("submit");
    }

    @Test
    void gastownBootChildrenBecomeEpicsAndTomlEqualsJson() {
        Template toml = cooker.cook(FormulaParser.parse(GASTOWN.resolve("mol-gastown-boot.formula.toml")), Map.of(),
                CookMode.POUR).template();
        Template json = cooker.cook(FormulaParser.parse(GASTOWN.resolve("mol-gastown-boot.formula.json")), Map.of(),
                CookMode.POUR).template();
        assertThat(keys(toml)).containsExactly("ensure-daemon", "ensure-deacon", "ensure-witnesses",
                "ensure-gastown-witness", "ensure-beads-witness", "ensure-refineries", "ensure-gastown-refinery",
                "ensure-beads-refinery", "verify-town-health");
        assertThat(node(toml, "ensure-witnesses").type()).isEqualTo(IssueType.EPIC);
        assertThat(node(toml, "ensure-gastown-witness").type()).isEqualTo(IssueType.TASK);
        assertThat(node(toml, "ensure-gastown-witness").sourceLocation()).isEqualTo("steps[2].children[0]");
        assertThat(parent(toml, "ensure-gastown-witness")).isEqualTo("ensure-witnesses");
        assertThat(parent(toml, "ensure-witnesses")).isEqualTo("mol-gastown-boot");
        assertThat(blocks(toml, "verify-town-health")).containsExactly("ensure-witnesses", "ensure-refineries");
        assertThat(json.steps()).isEqualTo(toml.steps());
        assertThat(json.edges()).isEqualTo(toml.edges());
        assertThat(json.root()).isEqualTo(toml.root());
    }

    @Test
    void beadsReleaseGateBlocksItsStep() {
        FormulaLibrary beads = FormulaLibrary.of(Corpora.root().resolve("beads-2026-01-02/formulas"));
        Template t = new FormulaCooker(beads).cook("beads-release", Map.of("version", "0.37.0"), CookMode.POUR)
                .template();
        TemplateNode gate = node(t, "beads-release.gate-await-ci");
        assertThat(gate.type()).isEqualTo(IssueType.GATE);
        assertThat(gate.title()).isEqualTo("Gate: gh:run release.yml");
        assertThat(gate.description()).isEqualTo("Async gate for step await-ci");
        assertThat(gate.gate()).isEqualTo(new TemplateNode.GateSpec("gh:run", "release.yml", 30L * 60 * 1_000_000_000));
        assertThat(parent(t, gate.key())).isEqualTo("beads-release");
        assertThat(blocks(t, "await-ci")).containsExactly("beads-release.gate-await-ci", "push-tag");
        assertThat(keys(t).indexOf(gate.key())).isEqualTo(keys(t).indexOf("await-ci") + 1);
        assertThat(node(t, "verify-github").description()).contains("releases/tag/v0.37.0");
    }

    @Test
    void codeReviewConvoyPlansOneBeadPerLegAndASynthesis() {
        Formula f = FormulaParser.parse(GASTOWN.resolve("code-review.formula.toml"));
        assertThat(f.type()).isEqualTo(FormulaType.CONVOY);
        assertThat(f.convoy().inputs()).containsOnlyKeys("branch", "files", "pr");
        assertThat(f.convoy().inputs().get("pr").requiredUnless()).containsExactly("files", "branch");
        ConvoyPlan plan = ConvoyPlanner.plan(f, Map.of("pr", "123"), "pr-123");
        assertThat(plan.title()).isEqualTo("code-review: Comprehensive code review via parallel specialized reviewers.");
        assertThat(plan.description()).isEqualTo("Formula convoy: code-review\n\nLegs: 7");
        assertThat(plan.legs()).extracting(ConvoyPlan.LegBead::legId).containsExactly("correctness", "performance",
                "security", "elegance", "resilience", "style", "smells");
        ConvoyPlan.LegBead security = plan.legs().get(2);
        assertThat(security.title()).isEqualTo("Security Review");
        assertThat(security.outputPath()).isEqualTo(".reviews/pr-123/security-findings.md");
        assertThat(security.description())
                .startsWith("Review the code for security vulnerabilities")
                .contains("\n\n---\nBase Prompt:\n# Code Review Assignment")
                .contains("- **Your focus**: Security vulnerabilities and attack surface")
                .contains("- **Leg ID**: security")
                .contains("Write your findings to: **.reviews/pr-123/security-findings.md**")
                .contains("{{range .changed_files -}}")
                .endsWith("output_path: .reviews/pr-123/security-findings.md");
        assertThat(plan.synthesis().title()).isEqualTo("Review Synthesis");
        assertThat(plan.synthesis().legIds()).hasSize(7);
        assertThat(plan.synthesis().outputPath()).isEqualTo(".reviews/pr-123/review-summary.md");
    }

    @Test
    void convoyInputsAreChecked() {
        Formula f = FormulaParser.parse(GASTOWN.resolve("code-review.formula.toml"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConvoyPlanner.plan(f, Map.of(), "x"))
                .isInstanceOf(FormulaException.class)
                .hasMessageContaining("input branch is required unless one of pr, files is given");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConvoyPlanner.plan(f, Map.of("pr", "abc"), "x"))
                .hasMessageContaining("input pr = \"abc\" must be a number");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConvoyPlanner.plan(f, Map.of("prr", "1"), "x"))
                .hasMessageContaining("unknown input prr");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> cooker.cook(f, Map.of(), CookMode.POUR)).hasMessageContaining("gt formula run");
    }
}
