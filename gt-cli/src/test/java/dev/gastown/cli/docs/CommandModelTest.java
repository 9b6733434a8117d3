package dev.gastown.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.Launcher;
import dev.gastown.cli.bd.BdMain;
import dev.gastown.cli.gt.GtMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandModelTest {

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("pom.xml"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/ not found");
    }

    @Test
    void theCommandReferenceIsUpToDate() throws Exception {
        // compared as a boolean so a stale file fails with one line, not two copies of the whole reference
        assertThat(Files.readString(docs().resolve("bd-commands.md")).equals(CommandReference.bd()))
                .as("docs/bd-commands.md is stale: run scripts/gen-docs").isTrue();
        assertThat(Files.readString(docs().resolve("gt-commands.md")).equals(CommandReference.gt()))
                .as("docs/gt-commands.md is stale: run scripts/gen-docs").isTrue();
    }

    @Test
    void launcherNamesRepeatTheCommandAnnotations() {
        for (Launcher launcher : List.of(BdMain.launcher(), GtMain.launcher())) {
            for (Map.Entry<String, Class<?>> e : launcher.names().entrySet()) {
                CommandLine.Command c = e.getValue().getAnnotation(CommandLine.Command.class);
                List<String> names = new ArrayList<>(List.of(c.aliases()));
                names.add(c.name());
                assertThat(names).as(e.getValue().getSimpleName()).contains(e.getKey());
            }
            for (Class<?> type : launcher.all()) {
                CommandLine.Command c = type.getAnnotation(CommandLine.Command.class);
                assertThat(launcher.names()).containsKey(c.name());
                for (String alias : c.aliases()) {
                    assertThat(launcher.names()).as("alias %s", alias).containsKey(alias);
                }
            }
        }
    }
}
