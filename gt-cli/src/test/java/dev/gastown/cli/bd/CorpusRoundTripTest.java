package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.Bd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real corpora through the CLI: loaded as a store, written back unchanged, edited one line at a time. */
class CorpusRoundTripTest {
    @TempDir
    Path dir;

    static Stream<Path> corpora() {
        return dev.gastown.beads.testing.Corpora.issueFiles().stream();
    }

    private Bd storeFrom(Path corpus) throws IOException {
        Files.createDirectories(dir.resolve(".beads"));
        Files.copy(corpus, dir.resolve(".beads/issues.jsonl"));
        Files.writeString(dir.resolve(".beads/config.yaml"), "issue-prefix: \"x\"\n");
        return new Bd(dir);
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void exportWithoutChangesGivesTheSameBytes(Path corpus) throws IOException {
        Bd bd = storeFrom(corpus);
        assertThat(bd.ok("stats", "--json")).contains("\"total_issues\"");
        bd.ok("export", "-o", "out.jsonl");
        assertThat(Files.readAllBytes(dir.resolve("out.jsonl"))).isEqualTo(Files.readAllBytes(corpus));
        assertThat(Files.readAllBytes(dir.resolve(".beads/issues.jsonl"))).isEqualTo(Files.readAllBytes(corpus));
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void anEditChangesExactlyOneLine(Path corpus) throws IOException {
        Bd bd = storeFrom(corpus);
        List<String> before = Files.readAllLines(corpus);
        String target = before.stream().filter(l -> l.contains("\"status\":\"open\"")).findFirst().orElseThrow();
        String id = target.substring(7, target.indexOf('"', 7));
        bd.ok("update", id, "--notes", "edited by the round-trip test");
        bd.ok("flush");
        List<String> after = Files.readAllLines(dir.resolve(".beads/issues.jsonl"));
        assertThat(after).hasSameSizeAs(before);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        assertThat(changed).hasSize(1);
        assertThat(after.get(changed.get(0))).contains("\"id\":\"" + id + "\"").contains("edited by the round-trip");
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void queriesRunOnRealData(Path corpus) throws IOException {
        Bd bd = storeFrom(corpus);
        bd.ok("ready", "--json", "-n", "0");
        bd.ok("blocked", "--json");
        bd.ok("list", "--all", "-n", "0", "--json");
        assertThat(bd.run("doctor", "--json").exitCode()).isZero();
    }
}
