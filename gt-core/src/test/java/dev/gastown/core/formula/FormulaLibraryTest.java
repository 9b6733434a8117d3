package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search path: order, TOML before JSON, listing, paths, and formulas shipped on the classpath. */
class FormulaLibraryTest {
    @TempDir
    Path tmp;

    private static String formula(String name, String title) {
        return "formula = \"" + name + "\"\n[[steps]]\nid = \"s\"\ntitle = \"" + title + "\"\n";
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void standardOrderIsProjectUserTownThenBuiltin() throws IOException {
        Path project = dir("project");
        Path home = dir("home");
        Path town = dir("town");
        FormulaLibrary lib = FormulaLibrary.standard(project, home, town.toString());
        assertThat(lib.roots()).extracting(FormulaLibrary.Root::label).startsWith("project", "user", "town");
        assertThat(lib.roots().get(0).dir()).isEqualTo(project.resolve(".beads/formulas"));
        assertThat(lib.roots().get(2).dir()).isEqualTo(town.resolve(".beads/formulas"));
        assertThat(FormulaLibrary.standard(project, home, "").roots()).extracting(FormulaLibrary.Root::label)
                .doesNotContain("town");
    }

    @Test
    void firstRootWinsAndTomlBeatsJson() throws IOException {
        Path first = dir("first");
        Path second = dir("second");
        new FormulaDir(second).toml("shared", formula("shared", "from second")).toml("only2", formula("only2", "x"));
        new FormulaDir(first).toml("shared", formula("shared", "from first"))
                .write("both.formula.json", "{\"formula\":\"both\",\"steps\":[{\"id\":\"s\",\"title\":\"json\"}]}")
                .toml("both", formula("both", "toml"))
                .write("legacy.formula.json", "{\"formula\":\"legacy\",\"steps\":[{\"id\":\"s\",\"title\":\"j\"}]}")
                .write("notes.md", "not a formula");
        FormulaLibrary lib = FormulaLibrary.of(first, second);
        assertThat(lib.load("shared").steps().get(0).title()).isEqualTo("from first");
        assertThat(lib.load("both").steps().get(0).title()).isEqualTo("toml");
        assertThat(lib.find("only2").orElseThrow().root().dir()).isEqualTo(second);
        List<FormulaLibrary.Entry> all = lib.list();
        assertThat(all).extracting(FormulaLibrary.Entry::name).containsExactly("both", "legacy", "only2", "shared");
        assertThat(all.get(0).file().getFileName().toString()).isEqualTo("both.formula.toml");
        assertThat(all.get(3).root().dir()).isEqualTo(first);
        assertThat(all.get(2).root().label()).isEqualTo(second.toString());
    }

    @Test
    void loadsAFilePathAndReportsWhatWasSearched() throws IOException {
        Path elsewhere = dir("elsewhere");
        new FormulaDir(elsewhere).toml("mine", formula("mine", "M"));
        FormulaLibrary lib = FormulaLibrary.of(dir("empty"));
        assertThat(lib.load(elsewhere.resolve("mine.formula.toml").toString()).name()).isEqualTo("mine");
        assertThatThrownBy(() -> lib.load("ghost")).isInstanceOfSatisfying(FormulaException.class,
                e -> assertThat(e.kind()).isEqualTo(FormulaException.Kind.NOT_FOUND))
                .hasMessageContaining("ghost: formula not found (searched " + tmp.resolve("empty"));
    }

    @Test
    void builtinFormulasFromAClasspathDirectory() throws IOException {
        Path classes = dir("classes");
        new FormulaDir(Files.createDirectories(classes.resolve("formulas"))).toml("shipped", formula("shipped", "S"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            FormulaLibrary.Root root = FormulaLibrary.classpathRoot(loader).orElseThrow();
            assertThat(root.label()).isEqualTo("builtin");
            FormulaLibrary lib = new FormulaLibrary(List.of(new FormulaLibrary.Root("project", dir("p")), root));
            assertThat(lib.load("shipped").steps().get(0).title()).isEqualTo("S");
            assertThat(lib.list()).singleElement().extracting(e -> e.root().label()).isEqualTo("builtin");
        }
    }

    @Test
    void builtinFormulasFromAJar() throws IOException {
        Path jar = tmp.resolve("formulas.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("formulas/"));
            zip.putNextEntry(new ZipEntry("formulas/jarred.formula.toml"));
            zip.write(formula("jarred", "J").getBytes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            FormulaLibrary lib = new FormulaLibrary(List.of(FormulaLibrary.classpathRoot(loader).orElseThrow()));
            assertThat(lib.list()).extracting(FormulaLibrary.Entry::name).containsExactly("jarred");
            assertThat(lib.load("jarred").steps().get(0).title()).isEqualTo("J");
        }
    }

    @Test
    void noBuiltinDirectoryMeansNoRoot() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir("bare").toUri().toURL()}, null)) {
            assertThat(FormulaLibrary.classpathRoot(loader)).isEmpty();
        }
    }
}
