package dev.gastown.core.formula;

import static dev.gastown.core.formula.CorpusFormulasTest.blocks;
import static dev.gastown.core.formula.CorpusFormulasTest.keys;
import static dev.gastown.core.formula.CorpusFormulasTest.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formulas shipped in the repository's top-level {@code formulas/}: each one loads and cooks (or plans) with the
 * expected steps in the expected order, the compositions built on {@code shiny} wire as the engine documents, and
 * every step passes a lint (a real description with a command, unique titles).
 */
class ShippedFormulasTest {
    /** The values each shipped workflow needs to be poured; formulas not listed need none. */
    private static final Map<String, Map<String, String>> POUR_VARS = Map.of(
            "mol-polecat-work", Map.of("issue", "gt-123"),
            "mol-witness-patrol", Map.of("rig", "gastown"),
            "mol-refinery-patrol", Map.of("rig", "gastown"),
            "mol-polecat-conflict-resolve", Map.of("mr", "gt-mr7", "branch", "polecat/ace-lx3k"),
            "shiny", Map.of("feature", "login"));

    /** The step count of every shipped formula when poured with {@link #POUR_VARS} (convoys: legs). */
    private static final Map<String, Integer> STEP_COUNTS = Map.ofEntries(
            Map.entry("mol-polecat-work", 9),
            Map.entry("mol-witness-patrol", 12),
            Map.entry("mol-refinery-patrol", 10),
            Map.entry("mol-deacon-patrol", 13),
            Map.entry("mol-boot-triage", 7),
            Map.entry("mol-dog-maintenance", 4),
            Map.entry("mol-polecat-conflict-resolve", 10),
            Map.entry("shiny", 5),
            Map.entry("rule-of-five", 5),
            Map.entry("security-audit", 0),
            Map.entry("code-review", 6),
            Map.entry("towers-of-hanoi", 9));

    private static final Path SHIPPED = shippedFormulas();
    private final FormulaCooker cooker = new FormulaCooker(FormulaLibrary.of(SHIPPED));

    @TempDir
    Path tmp;

    /** Walks up from the working directory to the one holding both {@code pom.xml} and {@code formulas/}. */
    static Path shippedFormulas() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("formulas"))) {
                return p.resolve("formulas");
            }
        }
        throw new IllegalStateException("no directory with pom.xml and formulas/ above the working directory");
    }

    static List<Path> shippedFiles() {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".formula.toml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".formula.toml".length());
    }

    private CookedFormula pour(String name) {
        return cooker.cook(name, POUR_VARS.getOrDefault(name, Map.of()), CookMode.POUR);
    }

    private static void assertChain(Template t, String... keys) {
        assertThat(blocks(t, keys[0])).as("first step of the chain").isEmpty();
        for (int i = 1; i < keys.length; i++) {
            assertThat(blocks(t, keys[i])).as(keys[i] + " needs").containsExactly(keys[i - 1]);
        }
    }

    // ---- every file loads and cooks ------------------------------------------------------------

    @Test
    void everyShippedFileIsAccountedFor() {
        assertThat(shippedFiles()).extracting(ShippedFormulasTest::nameOf)
                .containsExactlyInAnyOrderElementsOf(STEP_COUNTS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyShippedFormulaLoadsAndCooks() {
        return shippedFiles().stream().map(file -> DynamicTest.dynamicTest(nameOf(file), () -> {
            Formula formula = FormulaParser.parse(file);
            String name = nameOf(file);
            assertThat(formula.name()).isEqualTo(name);
            assertThat(formula.description()).isNotBlank();
            formula.vars().forEach((var, def) -> {
                assertThat(def.description()).as("description of var " + var).isNotBlank();
                assertThat(def.required() ^ def.hasDefault()).as("var " + var + ": required or a default, not both")
                        .isTrue();
            });
            if (formula.type() == FormulaType.CONVOY) {
                ConvoyPlan plan = ConvoyPlanner.plan(formula, Map.of("pr", "1"), "r1");
                assertThat(plan.legs()).hasSize(STEP_COUNTS.get(name));
                return;
            }
            CookedFormula poured = pour(name);
            assertThat(poured.template().steps()).hasSize(STEP_COUNTS.get(name));
            // Every {{var}} a step uses is declared, so pouring with the required values leaves none behind.
            assertThat(formula.vars().keySet()).containsAll(poured.variables());
            for (TemplateNode n : poured.template().steps()) {
                assertThat(n.title() + n.description()).as(n.key()).doesNotContain("{{");
            }
            // Without any value, exactly the declared required vars are missing.
            List<String> required = formula.vars().entrySet().stream().filter(e -> e.getValue().required())
                    .map(Map.Entry::getKey).sorted().toList();
            assertThat(cooker.cook(name, Map.of(), CookMode.PROTO).requiredVars()).containsExactlyElementsOf(required);
        }));
    }

    // ---- dependency order ----------------------------------------------------------------------

    @Test
    void polecatWorkIsOneChainFromContextToSubmit() {
        Template t = pour("mol-polecat-work").template();
        assertThat(keys(t)).containsExactly("load-context", "read-issue", "plan", "prepare-worktree", "implement",
                "run-tests", "commit", "self-review", "submit");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "read-issue").title()).isEqualTo("Read issue gt-123");
        assertThat(node(t, "read-issue").description()).contains("bd show gt-123 --json");
        assertThat(node(t, "commit").description()).contains("(gt-123)");
        assertThat(node(t, "submit").description()).contains("gt done");
        assertThat(t.root().description()).contains("gt mail send $GT_RIG/witness -s \"HELP:")
                .contains("bd update gt-123 --notes").contains("gt handoff -s");
    }

    @Test
    void polecatWorkTakesTheRigAndTestCommandFromVars() {
        Template t = cooker.cook("mol-polecat-work", Map.of("issue", "gt-9", "rig", "beads", "test_command",
                "mvn -q test", "target", "develop"), CookMode.POUR).template();
        assertThat(node(t, "run-tests").description()).contains("    mvn -q test\n")
                .contains("git switch --detach origin/develop").contains("gt mail send beads/witness");
    }

    @Test
    void witnessPatrolHandlesMailBeforeSurveyingAndEndsBySquashing() {
        Template t = pour("mol-witness-patrol").template();
        assertThat(keys(t)).containsExactly("read-mail", "handle-done", "handle-merged", "handle-help",
                "survey-workers", "nudge-idle", "escalate-stuck", "check-refinery", "resling-stranded",
                "ping-deacon", "archive-mail", "end-cycle");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "handle-done").description()).contains("gt polecat status gastown/<name> --json");
        assertThat(node(t, "handle-merged").description()).contains("gt polecat nuke gastown/<name>");
        assertThat(node(t, "end-cycle").description()).contains("gt patrol next --summary")
                .contains("--backoff-base 30s --backoff-mult 2 --backoff-max 5m").contains("gt handoff");
        assertThat(cooker.cook("mol-witness-patrol", Map.of("rig", "x"), CookMode.POUR).prefersWisp()).isTrue();
    }

    @Test
    void refineryProcessStepNeedsItsQueueScanAndMergesOneAtATime() {
        Template t = pour("mol-refinery-patrol").template();
        assertThat(keys(t)).containsExactly("read-mail", "scan-queue", "merges.iter1.process", "merges.iter1.react",
                "merges.iter2.process", "merges.iter2.react", "merges.iter3.process", "merges.iter3.react",
                "archive-mail", "end-cycle");
        assertThat(blocks(t, "merges.iter1.process")).containsExactly("scan-queue");
        assertThat(blocks(t, "merges.iter1.react")).containsExactly("merges.iter1.process");
        assertThat(blocks(t, "merges.iter2.process")).containsExactly("merges.iter1.react");
        assertThat(blocks(t, "archive-mail")).containsExactly("merges.iter3.react");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "merges.iter2.process").title()).isEqualTo("Merge attempt 2: run gt mq process");
        assertThat(node(t, "merges.iter2.process").description()).contains("gt mq process gastown --json")
                .startsWith("Merge attempt 2 of 3.");
        String react = node(t, "merges.iter1.react").description();
        assertThat(react).contains("MERGED:", "CONFLICT:", "TESTS_FAILED:", "BRANCH_MISSING:", "EMPTY:")
                .contains("gt sling mol-polecat-conflict-resolve gastown --on <task-id>")
                .contains("Never delete a branch");
    }

    @Test
    void refineryCycleLengthFollowsMaxMerges() {
        Template one = cooker.cook("mol-refinery-patrol", Map.of("rig", "r", "max_merges", "1"), CookMode.POUR)
                .template();
        assertThat(keys(one)).containsExactly("read-mail", "scan-queue", "merges.iter1.process",
                "merges.iter1.react", "archive-mail", "end-cycle");
        assertThatThrownBy(() -> cooker.cook("mol-refinery-patrol", Map.of("rig", "r", "max_merges", "0"),
                CookMode.POUR)).isInstanceOf(FormulaException.class);
    }

    @Test
    void deaconPatrolBeatsFirstAndChecksHealthBeforeConvoys() {
        Template t = pour("mol-deacon-patrol").template();
        assertThat(keys(t)).containsExactly("heartbeat", "read-mail", "handle-help", "handle-lifecycle",
                "check-witnesses", "check-refineries", "land-convoys", "unstick-convoys", "zombie-scan", "dog-pool",
                "dispatch-maintenance", "archive-mail", "end-cycle");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "check-witnesses").description()).contains("gt witness status <rig> --json")
                .contains("gt witness restart <rig>").contains("gt mail send mayor/");
        assertThat(node(t, "end-cycle").description()).contains("--backoff-base 2m").contains("--backoff-max 5m");
    }

    @Test
    void bootTriageObservesDecidesActsAndExits() {
        Template t = pour("mol-boot-triage").template();
        assertThat(keys(t)).containsExactly("deacon-status", "deacon-screen", "deacon-mail", "decide", "act",
                "record", "exit");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "deacon-screen").description()).contains("gt peek deacon/ -n 40");
        assertThat(node(t, "act").description()).contains("gt nudge deacon/").contains("gt deacon restart");
        assertThat(node(t, "decide").description()).contains("older than 30m");
    }

    @Test
    void dogMaintenanceRunsEachJobAsAScriptedCommandThenReports() {
        Template t = pour("mol-dog-maintenance").template();
        assertThat(keys(t)).containsExactly("gc-wisps", "stale-branches", "reap-orphans", "report");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "gc-wisps").description()).contains("```sh\ngt dog gc-wisps --older-than 24h\n```");
        assertThat(node(t, "stale-branches").description()).contains("```sh\ngt dog stale-branches\n```");
        assertThat(node(t, "reap-orphans").description()).contains("```sh\ngt dog reap-orphans --min-age 1m\n```");
        assertThat(node(t, "report").description()).contains("gt mail send deacon/ -s \"DOG_DONE ${GT_DOG:-dog}\"");
        Template sixHours = cooker.cook("mol-dog-maintenance", Map.of("wisp_age", "6h"), CookMode.POUR).template();
        assertThat(node(sixHours, "gc-wisps").description()).contains("gt dog gc-wisps --older-than 6h");
    }

    @Test
    void conflictResolveRebasesPushesWithALeaseAndRequeues() {
        Template t = pour("mol-polecat-conflict-resolve").template();
        assertThat(keys(t)).containsExactly("load-context", "fetch", "checkout", "understand", "rebase", "resolve",
                "run-tests", "push", "requeue", "done");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "rebase").description()).contains("git rebase origin/main");
        assertThat(node(t, "push").description())
                .contains("git push --force-with-lease=polecat/ace-lx3k:origin/polecat/ace-lx3k origin HEAD:polecat/ace-lx3k");
        assertThat(node(t, "requeue").description()).contains("gt mq retry $GT_RIG gt-mr7");
    }

    @Test
    void shinyIsDesignImplementReviewTestSubmit() {
        Template t = pour("shiny").template();
        assertThat(keys(t)).containsExactly("design", "implement", "review", "test", "submit");
        assertChain(t, keys(t).toArray(String[]::new));
        assertThat(node(t, "implement").title()).isEqualTo("Implement login");
        assertThatThrownBy(() -> cooker.cook("shiny", Map.of(), CookMode.POUR))
                .isInstanceOf(FormulaException.class).hasMessageContaining("feature");
    }

    @Test
    void codeReviewPlansOneLegPerLensAndAVerdict() {
        Formula f = FormulaParser.parse(SHIPPED.resolve("code-review.formula.toml"));
        assertThat(f.type()).isEqualTo(FormulaType.CONVOY);
        ConvoyPlan plan = ConvoyPlanner.plan(f, Map.of("pr", "42"), "pr-42");
        assertThat(plan.title()).isEqualTo("code-review: Parallel code review through six lenses, merged into one verdict.");
        assertThat(plan.legs()).extracting(ConvoyPlan.LegBead::legId).containsExactly("correctness", "security",
                "performance", "tests", "readability", "architecture");
        ConvoyPlan.LegBead security = plan.legs().get(1);
        assertThat(security.outputPath()).isEqualTo(".reviews/pr-42/security.md");
        assertThat(security.description()).contains("\n---\nBase Prompt:\n# Review assignment: Security")
                .contains("gh pr diff 42").contains("Write your findings to .reviews/pr-42/security.md")
                .endsWith("output_path: .reviews/pr-42/security.md");
        assertThat(plan.synthesis().title()).isEqualTo("Review verdict");
        assertThat(plan.synthesis().legIds()).hasSize(6);
        assertThat(plan.synthesis().outputPath()).isEqualTo(".reviews/pr-42/verdict.md");
        assertThat(plan.synthesis().description()).contains("gh pr review 42");
        assertThat(plan.inputs()).containsEntry("base", "main");

        ConvoyPlan byBranch = ConvoyPlanner.plan(f, Map.of("branch", "polecat/ace"), "cv1");
        assertThat(byBranch.legs().get(0).description())
                .contains("git diff origin/main...origin/polecat/ace");
        ConvoyPlan byRange = ConvoyPlanner.plan(f, Map.of("range", "v1..v2"), "cv2");
        assertThat(byRange.legs().get(0).description()).contains("git diff v1..v2");
        assertThatThrownBy(() -> ConvoyPlanner.plan(f, Map.of(), "x")).isInstanceOf(FormulaException.class)
                .hasMessageContaining("is required unless");
    }

    // ---- compositions onto shiny -----------------------------------------------------------------

    /** A library whose first directory holds {@code composed} (a formula extending shiny), then the shipped ones. */
    private FormulaCooker composing(String composed) {
        new FormulaDir(tmp).toml("composed", composed);
        return new FormulaCooker(FormulaLibrary.of(tmp, SHIPPED));
    }

    @Test
    void ruleOfFiveExpandsShinyImplementIntoADraftAndFourReviews() {
        Template t = composing("""
                formula = "composed"
                extends = ["shiny"]
                [[compose.expand]]
                target = "implement"
                with = "rule-of-five"
                """).cook("composed", Map.of("feature", "login"), CookMode.POUR).template();
        assertThat(keys(t)).containsExactly("design", "implement.draft", "implement.correctness",
                "implement.clarity", "implement.edge-cases", "implement.fitness", "review", "test", "submit");
        // As documented: the first expanded step does not inherit the target's needs ...
        assertThat(blocks(t, "implement.draft")).isEmpty();
        assertThat(blocks(t, "implement.correctness")).containsExactly("implement.draft");
        assertThat(blocks(t, "implement.clarity")).containsExactly("implement.correctness");
        assertThat(blocks(t, "implement.edge-cases")).containsExactly("implement.clarity");
        assertThat(blocks(t, "implement.fitness")).containsExactly("implement.edge-cases");
        // ... and what needed the target now needs the last refinement.
        assertThat(blocks(t, "review")).containsExactly("implement.fitness");
        TemplateNode draft = node(t, "implement.draft");
        assertThat(draft.title()).isEqualTo("Draft: Implement login");
        assertThat(draft.description()).contains("Write the code for login as the design step describes it");
        assertThat(draft.sourceFormula()).isEqualTo("rule-of-five");
        assertThat(node(t, "implement.edge-cases").title())
                .isEqualTo("Review for edge cases and failure modes: Implement login");
        lint("composed with rule-of-five", t);
    }

    @Test
    void securityAuditWrapsShinyImplementWithAPrescanAndAReview() {
        Template t = composing("""
                formula = "composed"
                extends = ["shiny"]
                [compose]
                aspects = ["security-audit"]
                """).cook("composed", Map.of("feature", "login"), CookMode.POUR).template();
        assertThat(keys(t)).containsExactly("design", "implement-security-prescan", "implement",
                "implement-security-review", "review", "test", "submit");
        assertThat(blocks(t, "implement-security-prescan")).isEmpty();
        assertThat(blocks(t, "implement")).containsExactly("design", "implement-security-prescan");
        assertThat(blocks(t, "implement-security-review")).containsExactly("implement");
        assertThat(blocks(t, "review")).containsExactly("implement");
        assertThat(node(t, "implement-security-prescan").title()).isEqualTo("Security pre-scan: Implement login");
        assertThat(node(t, "implement-security-review").title()).isEqualTo("Security review: Implement login");
        assertThat(node(t, "implement-security-review").description())
                .startsWith("Review what \"Implement login\" changed");
        lint("composed with security-audit", t);
    }

    @Test
    void securityAuditAlsoWrapsNestedImplementSteps() {
        Template t = composing("""
                formula = "composed"
                [compose]
                aspects = ["security-audit"]
                [[steps]]
                id = "backend"
                title = "Backend"
                [[steps.children]]
                id = "backend.implement"
                title = "Build the API"
                """).cook("composed", Map.of(), CookMode.POUR).template();
        assertThat(keys(t)).containsExactly("backend", "backend.implement-security-prescan", "backend.implement",
                "backend.implement-security-review");
    }

    // ---- lint ------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyShippedStepIsLintClean() {
        return shippedFiles().stream().map(file -> DynamicTest.dynamicTest(nameOf(file), () -> {
            Formula formula = FormulaParser.parse(file);
            String name = nameOf(file);
            assertThat(formula.description()).as("formula description").contains("bd close");
            switch (formula.type()) {
                case CONVOY -> lintConvoy(formula);
                case ASPECT -> lintAdvice(formula);
                default -> lint(name, pour(name).template());
            }
            if (name.equals("mol-refinery-patrol")) {
                lint(name + " x5", cooker.cook(name, Map.of("rig", "r", "max_merges", "5"), CookMode.POUR)
                        .template());
            }
        }));
    }

    /** Each step: a description of 80+ characters naming a gt, bd or git command; titles unique. */
    private static void lint(String what, Template t) {
        Set<String> titles = new HashSet<>();
        for (TemplateNode n : t.steps()) {
            lintStep(what + " " + n.key(), n.description());
            assertThat(n.description()).as(what + " " + n.key() + " says how to close it").contains("bd close");
            // towers-of-hanoi repeats moves by design ("Move disk 1: A → C" comes back every fourth move).
            boolean repeatedMove = what.startsWith("towers-of-hanoi") && n.key().startsWith("moves.");
            assertThat(titles.add(n.title()) || repeatedMove).as(what + ": duplicate title " + n.title()).isTrue();
        }
    }

    private static void lintStep(String what, String description) {
        assertThat(description).as(what + " description").isNotBlank().hasSizeGreaterThanOrEqualTo(80);
        assertThat(description.contains("gt ") || description.contains("bd ") || description.contains("git "))
                .as(what + " names a gt, bd or git command").isTrue();
    }

    private static void lintAdvice(Formula aspect) {
        assertThat(aspect.advice()).isNotEmpty();
        Map<String, String> titles = new TreeMap<>();
        for (AdviceRule rule : aspect.advice()) {
            List<AdviceRule.AdviceStep> steps = new ArrayList<>(rule.aroundBefore());
            steps.addAll(rule.aroundAfter());
            if (rule.before() != null) {
                steps.add(rule.before());
            }
            if (rule.after() != null) {
                steps.add(rule.after());
            }
            for (AdviceRule.AdviceStep s : steps) {
                lintStep(aspect.name() + " " + s.id(), s.description());
                assertThat(s.id()).contains("{step.id}");
                assertThat(s.title()).contains("{step.title}");
                assertThat(titles.put(s.title(), s.id())).as("duplicate title " + s.title()).isNull();
            }
        }
    }

    private static void lintConvoy(Formula convoy) {
        Set<String> titles = new HashSet<>();
        for (ConvoySpec.Leg leg : convoy.convoy().legs()) {
            assertThat(leg.focus()).as(leg.id() + " focus").isNotBlank();
            assertThat(leg.description()).as(leg.id() + " prompt").hasSizeGreaterThanOrEqualTo(80);
            assertThat(titles.add(leg.title())).as("duplicate leg title " + leg.title()).isTrue();
        }
        ConvoyPlan plan = ConvoyPlanner.plan(convoy, Map.of("pr", "7"), "pr-7");
        for (ConvoyPlan.LegBead leg : plan.legs()) {
            lintStep(convoy.name() + " " + leg.legId(), leg.description());
        }
        lintStep(convoy.name() + " synthesis", plan.synthesis().description());
        assertThat(titles.add(plan.synthesis().title())).isTrue();
    }
}
