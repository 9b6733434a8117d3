package dev.gastown.beads.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IssueCodecCorpusTest {

    static Stream<Path> corpora() {
        return Corpora.issueFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void everyLineDecodesAndEncodesToTheSameBytes(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(900);
        int n = 0;
        for (String line : lines) {
            Issue issue = IssueCodec.parseLine(line);
            assertThat(IssueCodec.toLine(issue)).as("line %d (%s)", ++n, issue.id()).isEqualTo(line);
        }
    }
}
