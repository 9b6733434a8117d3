package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every formula in the shared corpora loads, and cooks (workflows, expansions, aspects) or plans (convoys). */
class FormulaCorpusTest {
    /** Shipped by Gas Town with a var both required and defaulted: bd refuses them, the tolerant cooker does not. */
    private static final Set<String> REQUIRED_WITH_DEFAULT = Set.of(
            "gastown-2026-01-03/formulas/mol-digest-generate.formula.toml",
            "gastown-2026-01-03/formulas/mol-orphan-scan.formula.toml",
            "gastown-2026-01-03/formulas/mol-session-gc.formula.toml",
            "gastown-2026-04-30/formulas/mol-digest-generate.formula.toml",
            "gastown-2026-04-30/formulas/mol-orphan-scan.formula.toml",
            "gastown-2026-04-30/formulas/mol-shutdown-dance.formula.toml");

    static List<Path> corpusFormulas() throws IOException {
        try (Stream<Path> files = Files.walk(Corpora.root())) {
            return files.filter(p -> p.getParent().getFileName().toString().equals("formulas"))
                    .filter(p -> FormulaParser.EXTENSIONS.stream().anyMatch(e -> p.toString().endsWith(e)))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusFormulaLoadsAndCooks() throws IOException {
        List<Path> files = corpusFormulas();
        assertThat(files).hasSizeGreaterThan(70);
        return files.stream().map(file -> DynamicTest.dynamicTest(Corpora.root().relativize(file).toString(),
                () -> loadAndCook(file)));
    }

    private static void loadAndCook(Path file) {
        FormulaLibrary library = FormulaLibrary.of(file.getParent());
        Formula formula = FormulaParser.parse(file);
        assertThat(formula.name()).isNotBlank();
        if (formula.type() == FormulaType.CONVOY) {
            Map<String, String> inputs = new LinkedHashMap<>();
            formula.convoy().inputs().forEach((name, input) -> {
                if (input.required() || !input.requiredUnless().isEmpty()) {
                    inputs.put(name, input.type().equals("number") ? "1" : "x");
                }
            });
            ConvoyPlan plan = ConvoyPlanner.plan(formula, inputs, "r1");
            assertThat(plan.legs()).hasSize(formula.convoy().legs().size());
            return;
        }
        FormulaCooker strict = new FormulaCooker(library);
        FormulaCooker cooker = strict;
        if (REQUIRED_WITH_DEFAULT.contains(Corpora.root().relativize(file).toString())) {
            assertThatThrownBy(() -> strict.cook(formula, Map.of(), CookMode.PROTO))
                    .isInstanceOf(FormulaException.class).hasMessageContaining("cannot be both required");
            cooker = strict.acceptingRequiredWithDefault();
        }
        CookedFormula proto = cooker.cook(formula, Map.of(), CookMode.PROTO);
        Template t = proto.template();
        assertThat(t.root().key()).isEqualTo(formula.name());
        if (formula.type() == FormulaType.WORKFLOW) {
            assertThat(t.steps()).isNotEmpty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String name : proto.requiredVars()) {
            VarDef def = proto.formula().vars().get(name);
            vars.put(name, def != null && !def.enumValues().isEmpty() ? def.enumValues().get(0) : "value-of-" + name);
        }
        CookedFormula poured = cooker.cook(formula, vars, CookMode.POUR);
        for (String name : vars.keySet()) {
            poured.template().steps().forEach(n -> assertThat(n.title() + n.description()).doesNotContain(
                    "{{" + name + "}}"));
        }
    }
}
