package dev.gastown.core.formula;

import static dev.gastown.core.formula.CorpusFormulasTest.blocks;
import static dev.gastown.core.formula.CorpusFormulasTest.keys;
import static dev.gastown.core.formula.CorpusFormulasTest.node;
import static dev.gastown.core.formula.CorpusFormulasTest.parent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loop unrolling: count, range (with and without vars), until, nesting, lets and the wiring around a loop. */
class LoopTest {
    @TempDir
    Path tmp;
    FormulaDir dir;

    @BeforeEach
    void setUp() {
        dir = new FormulaDir(tmp);
    }

    private Template pour(String loopTable, Map<String, String> vars) {
        dir.toml("looping", """
                formula = "looping"
                [vars.n]
                default = "2"
                [[steps]]
                id = "setup"
                title = "Setup"
                [[steps]]
                id = "l"
                needs = ["setup"]
                """ + loopTable + """
                [[steps]]
                id = "after"
                title = "After"
                needs = ["l"]
                """);
        return dir.pour("looping", vars).template();
    }

    private static final String TWO_STEP_BODY = """
            [[steps.loop.body]]
            id = "a"
            title = "A {i}"
            [[steps.loop.body]]
            id = "b"
            title = "B {i}"
            needs = ["a"]
            """;

    @Test
    void countUnrollsWithIterationIdsAndChainsIterations() {
        Template t = pour("[steps.loop]\ncount = 3\nvar = \"i\"\n" + TWO_STEP_BODY, Map.of());
        assertThat(keys(t)).containsExactly("setup", "l.iter1.a", "l.iter1.b", "l.iter2.a", "l.iter2.b", "l.iter3.a",
                "l.iter3.b", "after");
        assertThat(node(t, "l.iter2.b").title()).isEqualTo("B 2");
        assertThat(node(t, "l.iter2.b").sourceLocation()).isEqualTo("steps[1].loop.body[1]");
        assertThat(blocks(t, "l.iter1.a")).containsExactly("setup");
        assertThat(blocks(t, "l.iter1.b")).containsExactly("l.iter1.a");
        assertThat(blocks(t, "l.iter2.a")).containsExactly("l.iter1.b");
        assertThat(blocks(t, "l.iter2.b")).containsExactly("l.iter2.a");
        assertThat(blocks(t, "after")).containsExactly("l.iter3.b");
        assertThat(parent(t, "l.iter3.b")).isEqualTo("looping");
    }

    @Test
    void rangeWithoutVars() {
        Template t = pour("[steps.loop]\nrange = \"3..5\"\nvar = \"i\"\n" + TWO_STEP_BODY, Map.of());
        assertThat(node(t, "l.iter1.a").title()).isEqualTo("A 3");
        assertThat(node(t, "l.iter3.b").title()).isEqualTo("B 5");
        assertThat(t.steps()).hasSize(2 + 6);
    }

    @Test
    void rangeReadsFormulaVarsInBracesOrBare() {
        String loop = "[steps.loop]\nrange = \"1..2^{n}-1\"\nvar = \"i\"\n" + TWO_STEP_BODY;
        assertThat(pour(loop, Map.of()).steps()).hasSize(2 + 2 * 3);
        assertThat(pour(loop, Map.of("n", "4")).steps()).hasSize(2 + 2 * 15);
        String bare = "[steps.loop]\nrange = \"(n - 1) * 2 .. n * 2\"\nvar = \"i\"\n" + TWO_STEP_BODY;
        Template t = pour(bare, Map.of("n", "3"));
        assertThat(node(t, "l.iter1.a").title()).isEqualTo("A 4");
        assertThat(node(t, "l.iter3.a").title()).isEqualTo("A 6");
    }

    @Test
    void untilExpandsOnceWithALoopLabel() {
        Template t = pour("[steps.loop]\nuntil = \"{{done}} == true\"\nmax = 5\n" + TWO_STEP_BODY, Map.of());
        assertThat(keys(t)).containsExactly("setup", "l.iter1.a", "l.iter1.b", "after");
        assertThat(node(t, "l.iter1.a").labels()).containsExactly("loop:{\"max\":5,\"until\":\"{{done}} == true\"}");
        assertThat(node(t, "l.iter1.a").title()).isEqualTo("A {i}");
    }

    @Test
    void letsComputeValuesFromTheLoopVarFormulaVarsAndEachOther() {
        Template t = pour("""
                [steps.loop]
                range = "1..4"
                var = "m"
                [steps.loop.let]
                twice = "half * 4"
                half = "m * n / 4"
                low = "ctz(m)"
                name = "pick(m % 3, 'zero', \\"one\\", '{{who}}')"
                [[steps.loop.body]]
                id = "s"
                title = "{m}: {twice} {low} {name} {half}"
                """, Map.of("n", "2", "who", "W"));
        assertThat(t.steps()).extracting(TemplateNode::title).containsSubsequence(
                "1: 0 0 one 0", "2: 4 1 W 1", "3: 4 0 zero 1", "4: 8 2 one 2");
    }

    @Test
    void nestedLoopsSeeOuterValuesAndChainThroughTheInnerLoop() {
        Template t = pour("""
                [steps.loop]
                count = 2
                var = "o"
                [[steps.loop.body]]
                id = "inner"
                [steps.loop.body.loop]
                range = "1..{o}"
                var = "k"
                [[steps.loop.body.loop.body]]
                id = "x"
                title = "{o}.{k}"
                """, Map.of());
        assertThat(keys(t)).containsExactly("setup", "l.iter1.inner.iter1.x", "l.iter2.inner.iter1.x",
                "l.iter2.inner.iter2.x", "after");
        assertThat(node(t, "l.iter2.inner.iter2.x").title()).isEqualTo("2.2");
        assertThat(blocks(t, "l.iter1.inner.iter1.x")).containsExactly("setup");
        assertThat(blocks(t, "l.iter2.inner.iter1.x")).containsExactly("l.iter1.inner.iter1.x");
        assertThat(blocks(t, "l.iter2.inner.iter2.x")).containsExactly("l.iter2.inner.iter1.x");
        assertThat(blocks(t, "after")).containsExactly("l.iter2.inner.iter2.x");
    }

    @Test
    void bodyStepsMayNeedStepsOutsideTheLoop() {
        Template t = pour("""
                [steps.loop]
                count = 2
                [[steps.loop.body]]
                id = "a"
                title = "A"
                needs = ["setup"]
                """, Map.of());
        assertThat(blocks(t, "l.iter2.a")).containsExactly("setup", "l.iter1.a");
    }

    @Test
    void rangeErrorsNameTheLoopStep() {
        assertThatThrownBy(() -> pour("[steps.loop]\nrange = \"1..{missing}\"\n" + TWO_STEP_BODY, Map.of()))
                .isInstanceOf(FormulaException.class)
                .hasMessageMatching(".*looping.formula.toml:\\d+: step \"l\": range \"1..\\{missing}\": unknown name missing")
                .extracting(e -> ((FormulaException) e).kind()).isEqualTo(FormulaException.Kind.EXPRESSION);
        assertThatThrownBy(() -> pour("[steps.loop]\nrange = \"5..1\"\n" + TWO_STEP_BODY, Map.of()))
                .hasMessageContaining("range \"5..1\" is empty");
        assertThatThrownBy(() -> pour("[steps.loop]\nrange = \"1..(2\"\n" + TWO_STEP_BODY, Map.of()))
                .hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> pour("[steps.loop]\nrange = \"1..2^30\"\n" + TWO_STEP_BODY, Map.of()))
                .hasMessageContaining("more than the limit");
        assertThatThrownBy(() -> pour("[steps.loop]\ncount = 2\nrange = \"1..2\"\n" + TWO_STEP_BODY, Map.of()))
                .hasMessageContaining("exactly one of count, range or until");
        assertThatThrownBy(() -> pour("[steps.loop]\nuntil = \"x\"\n" + TWO_STEP_BODY, Map.of()))
                .hasMessageContaining("an until loop needs max >= 1");
    }

    @Test
    void letErrorsNameTheLetAndIteration() {
        assertThatThrownBy(() -> pour("""
                [steps.loop]
                range = "0..2"
                var = "i"
                [steps.loop.let]
                q = "6 / i"
                [[steps.loop.body]]
                id = "s"
                title = "{q}"
                """, Map.of())).hasMessageContaining("step \"l\": let q in iteration 1: division by zero in (6 / i)");
        assertThatThrownBy(() -> pour("""
                [steps.loop]
                count = 1
                [steps.loop.let]
                a = "b + 1"
                b = "a + 1"
                [[steps.loop.body]]
                id = "s"
                title = "s"
                """, Map.of())).hasMessageContaining("lets refer to each other in a cycle: a -> b -> a");
    }
}
