package dev.gastown.beads.merge;

import static dev.gastown.beads.merge.MergeFixtures.issue;
import static dev.gastown.beads.merge.MergeFixtures.jsonl;
import static dev.gastown.beads.merge.MergeFixtures.merge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.merge.MergeInputException.Input;
import org.junit.jupiter.api.Test;

class JsonlMergeInputTest {
    private final String two = jsonl(issue("bd-a"), issue("bd-b"));

    @Test
    void aMalformedLineIsNamedByInputAndLineNumber() {
        assertThatThrownBy(() -> merge(two, two, two + "\n{\"id\":\"bd-c\",\n"))
                .isInstanceOfSatisfying(MergeInputException.class, e -> {
                    assertThat(e.input()).isEqualTo(Input.RIGHT);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).startsWith("right:4: column ");
                });
    }

    @Test
    void aLineThatIsNotAnIssueSaysWhichFieldIsWrong() {
        assertThatThrownBy(() -> merge("{\"id\":\"bd-a\",\"priority\":1}\n", two, two))
                .isInstanceOf(MergeInputException.class)
                .hasMessage("base:1: missing \"title\"");
        assertThatThrownBy(() -> merge(two, "{\"id\":\"bd-a\",\"title\":\"t\",\"priority\":\"high\"}", two))
                .hasMessage("left:1: field \"priority\": expected an integer, got \"high\"");
    }

    @Test
    void gitConflictMarkersAreRefused() {
        String conflicted = "<<<<<<< HEAD\n" + jsonl(issue("bd-a")) + "=======\n" + jsonl(issue("bd-b"))
                + ">>>>>>> theirs\n";
        assertThatThrownBy(() -> merge(two, conflicted, two))
                .isInstanceOfSatisfying(MergeInputException.class, e -> {
                    assertThat(e.input()).isEqualTo(Input.LEFT);
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.getMessage()).isEqualTo("left:1: git conflict marker");
                });
    }

    @Test
    void aRepeatedIdInOneInputIsRefused() {
        String repeated = two + jsonl(issue("bd-a"));
        assertThatThrownBy(() -> merge(repeated, two, two))
                .hasMessage("base:3: duplicate id bd-a (also at line 1)");
    }

    @Test
    void blankLinesAndAMissingFinalNewlineAreAccepted() {
        String loose = "\n" + jsonl(issue("bd-b")) + "  \n\r\n" + jsonl(issue("bd-a")).strip();
        assertThat(merge(loose, loose, two).merged()).isEqualTo(two);
    }

    @Test
    void aFileAbsentFromTheBaseIsEmpty() {
        assertThat(merge("", jsonl(issue("bd-a")), jsonl(issue("bd-b"))).merged()).isEqualTo(two);
        assertThat(merge("", "", "").merged()).isEmpty();
    }
}
