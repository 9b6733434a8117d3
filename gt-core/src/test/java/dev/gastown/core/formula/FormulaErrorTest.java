package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken formulas are refused with a typed error naming the file, line, step and reason. */
class FormulaErrorTest {
    @TempDir
    Path tmp;
    FormulaDir dir;

    @BeforeEach
    void setUp() {
        dir = new FormulaDir(tmp);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> pouring(String name, Map<String, String> vars,
            FormulaException.Kind kind) {
        return assertThatThrownBy(() -> dir.pour(name, vars)).isInstanceOfSatisfying(FormulaException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private String file(String name) {
        return dir.path(name + ".formula.toml").toString();
    }

    @Test
    void badTomlNamesFileAndLine() {
        dir.toml("bad", "formula = \"bad\"\n\n[[steps]]\nid = \"a\"\ntitle = \"unterminated\n");
        pouring("bad", Map.of(), FormulaException.Kind.SYNTAX)
                .hasMessageStartingWith(file("bad") + ":5: invalid TOML: ");
    }

    @Test
    void badJsonNamesFileAndLine() {
        dir.write("bad.formula.json", "{\n  \"formula\": \"bad\",\n  \"steps\": [ { \"id\": \"a\", } ]\n}\n");
        pouring("bad", Map.of(), FormulaException.Kind.SYNTAX)
                .hasMessageStartingWith(dir.path("bad.formula.json") + ":3: invalid JSON: ");
    }

    @Test
    void wrongValueTypeNamesTheStep() {
        dir.toml("typed", "formula = \"typed\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\nneeds = \"b\"\n");
        pouring("typed", Map.of(), FormulaException.Kind.SCHEMA).hasMessage(
                file("typed") + ":3: step \"a\": steps[0].needs: expected an array of strings, got the string \"b\"");
    }

    @Test
    void unknownNeedsTarget() {
        dir.toml("dangling", """
                formula = "dangling"
                [[steps]]
                id = "a"
                title = "A"
                [[steps]]
                id = "b"
                title = "B"
                needs = ["a", "nope"]
                """);
        pouring("dangling", Map.of(), FormulaException.Kind.UNKNOWN_REFERENCE)
                .hasMessage(file("dangling") + ":6: step \"b\": needs references unknown step \"nope\"");
    }

    @Test
    void dependsOnIsCheckedToo() {
        dir.toml("dangling", "formula = \"dangling\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\ndependsOn = [\"x\"]\n");
        pouring("dangling", Map.of(), FormulaException.Kind.UNKNOWN_REFERENCE)
                .hasMessageEndingWith("step \"a\": depends_on references unknown step \"x\"");
    }

    @Test
    void dependencyCycleAmongSteps() {
        dir.toml("loopy", """
                formula = "loopy"
                [[steps]]
                id = "a"
                title = "A"
                needs = ["c"]
                [[steps]]
                id = "b"
                title = "B"
                needs = ["a"]
                [[steps]]
                id = "c"
                title = "C"
                depends_on = ["b"]
                """);
        pouring("loopy", Map.of(), FormulaException.Kind.CYCLE)
                .hasMessage(file("loopy") + ":3: step \"a\": dependency cycle: a -> c -> b -> a (each waits for the next)");
    }

    @Test
    void duplicateStepIds() {
        dir.toml("dup", "formula = \"dup\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\n[[steps]]\nid = \"a\"\ntitle = \"B\"\n");
        pouring("dup", Map.of(), FormulaException.Kind.DUPLICATE_STEP)
                .hasMessage(file("dup") + ":3: step \"a\": duplicate id (first defined at steps[0])");
    }

    @Test
    void missingRequiredVars() {
        dir.toml("needy", """
                formula = "needy"
                [vars.feature]
                required = true
                [[steps]]
                id = "a"
                title = "Build {{feature}} for {{customer}}"
                """);
        pouring("needy", Map.of(), FormulaException.Kind.MISSING_VAR).hasMessage(file("needy")
                + ":2: missing required variables customer, feature (give them with --var customer=<value>)");
        assertThat(dir.pour("needy", Map.of("feature", "f", "customer", "c")).template().steps().get(0).title())
                .isEqualTo("Build f for c");
        assertThat(dir.proto("needy", Map.of()).requiredVars()).containsExactly("customer", "feature");
    }

    @Test
    void unknownVars() {
        dir.toml("plain", "formula = \"plain\"\n[vars]\nx = \"1\"\n[[steps]]\nid = \"a\"\ntitle = \"{{y}}\"\n");
        pouring("plain", Map.of("y", "2", "zz", "3"), FormulaException.Kind.UNKNOWN_VAR)
                .hasMessage(file("plain") + ": unknown variable zz (this formula knows: x, y)");
        assertThatThrownBy(() -> dir.proto("plain", Map.of("zz", "3"))).hasMessageContaining("unknown variable zz");
    }

    @Test
    void varValuesAreValidated() {
        dir.toml("strict", """
                formula = "strict"
                [vars.mode]
                enum = ["fast", "slow"]
                default = "fast"
                [vars.count]
                type = "int"
                default = "1"
                [vars.tag]
                pattern = "^v[0-9]+$"
                default = "v1"
                [[steps]]
                id = "a"
                title = "{{mode}} {{count}} {{tag}}"
                """);
        pouring("strict", Map.of("mode", "medium"), FormulaException.Kind.INVALID_VAR)
                .hasMessage(file("strict") + ":2: variable mode = \"medium\" must be one of fast, slow");
        pouring("strict", Map.of("count", "two"), FormulaException.Kind.INVALID_VAR)
                .hasMessageContaining("variable count = \"two\" must be an integer");
        pouring("strict", Map.of("tag", "x1"), FormulaException.Kind.INVALID_VAR)
                .hasMessageContaining("does not match pattern ^v[0-9]+$");
    }

    @Test
    void requiredWithDefault() {
        dir.toml("both", "formula = \"both\"\n[[steps]]\nid = \"a\"\ntitle = \"{{v}}\"\n[vars.v]\nrequired = true\n"
                + "default = \"x\"\n");
        pouring("both", Map.of(), FormulaException.Kind.SCHEMA)
                .hasMessage(file("both") + ":5: vars.v: cannot be both required and have a default");
        assertThat(dir.cooker().acceptingRequiredWithDefault().cook("both", Map.of(), CookMode.POUR).template()
                .steps().get(0).title()).isEqualTo("x");
    }

    @Test
    void badExpression() {
        dir.toml("expr", """
                formula = "expr"
                [[steps]]
                id = "l"
                [steps.loop]
                range = "1..3 +* 2"
                [[steps.loop.body]]
                id = "a"
                title = "A"
                """);
        pouring("expr", Map.of(), FormulaException.Kind.EXPRESSION).hasMessage(file("expr")
                + ":3: step \"l\": range \"1..3 +* 2\": unexpected '*' at position 4 of \"3 +* 2\"");
    }

    @Test
    void extendsProblems() {
        dir.toml("base", "formula = \"base\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\n");
        dir.toml("child", "formula = \"child\"\nextends = [\"base\"]\n[[steps]]\nid = \"a\"\ntitle = \"Again\"\n");
        pouring("child", Map.of(), FormulaException.Kind.DUPLICATE_STEP)
                .hasMessage(file("child") + ":4: step \"a\": defined both in base and in child");
        dir.toml("p", "formula = \"p\"\nextends = [\"q\"]\n");
        dir.toml("q", "formula = \"q\"\nextends = [\"p\"]\n");
        pouring("p", Map.of(), FormulaException.Kind.CYCLE).hasMessage(file("p") + ":2: extends cycle: p -> q -> p");
        dir.toml("orphan", "formula = \"orphan\"\nextends = [\"nowhere\"]\n");
        pouring("orphan", Map.of(), FormulaException.Kind.NOT_FOUND).hasMessageStartingWith("nowhere: formula not found");
    }

    @Test
    void inheritedStepErrorsPointAtTheParentFile() {
        dir.toml("base", "formula = \"base\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\nneeds = [\"b\"]\n");
        dir.toml("child", "formula = \"child\"\nextends = [\"base\"]\n[[steps]]\nid = \"b\"\ntitle = \"B\"\nneeds = [\"a\"]\n");
        pouring("child", Map.of(), FormulaException.Kind.CYCLE)
                .hasMessage(file("base") + ":3: step \"a\": dependency cycle: a -> b -> a (each waits for the next)");
    }

    @Test
    void wrongFormulaTypes() {
        dir.toml("notaspect", "formula = \"notaspect\"\n[[steps]]\nid = \"x\"\ntitle = \"X\"\n");
        dir.toml("user", "formula = \"user\"\n[compose]\naspects = [\"notaspect\"]\n[[steps]]\nid = \"a\"\ntitle = \"A\"\n");
        pouring("user", Map.of(), FormulaException.Kind.WRONG_TYPE)
                .hasMessage(file("user") + ":3: compose.aspects: notaspect is not an aspect formula (type workflow)");
        dir.toml("expander", "formula = \"expander\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\nexpand = \"notaspect\"\n");
        pouring("expander", Map.of(), FormulaException.Kind.WRONG_TYPE).hasMessage(file("expander")
                + ":3: step \"a\": expand: notaspect is not an expansion formula (type workflow)");
    }

    @Test
    void malformedStepFields() {
        dir.toml("w", "formula = \"w\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\nwaits_for = \"some-children\"\n");
        pouring("w", Map.of(), FormulaException.Kind.SCHEMA).hasMessageContaining("step \"a\": waits_for has invalid");
        dir.toml("g", "formula = \"g\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\n[steps.gate]\ntype = \"timer\"\n"
                + "timeout = \"30 minutes\"\n");
        pouring("g", Map.of(), FormulaException.Kind.SCHEMA).hasMessageContaining("step \"a\": gate timeout: ");
        dir.toml("c", "formula = \"c\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\ncondition = \"{{x}} > 3\"\n");
        pouring("c", Map.of(), FormulaException.Kind.SCHEMA).hasMessageContaining("step \"a\": invalid condition");
        dir.toml("t", "formula = \"t\"\n[[steps]]\nid = \"a\"\n");
        pouring("t", Map.of(), FormulaException.Kind.SCHEMA).hasMessage(file("t")
                + ":3: step \"a\": steps[0]: title is required (unless the step uses expand or loop)");
        dir.toml("p", "formula = \"p\"\n[[steps]]\nid = \"a\"\ntitle = \"A\"\npriority = 7\n");
        pouring("p", Map.of(), FormulaException.Kind.SCHEMA).hasMessageContaining("steps[0].priority: must be 0-4");
        dir.toml("n", "[[steps]]\nid = \"a\"\ntitle = \"A\"\n");
        pouring("n", Map.of(), FormulaException.Kind.SCHEMA).hasMessage(file("n") + ": formula: formula name is required");
    }
}
