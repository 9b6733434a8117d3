package dev.gastown.beads.merge;

import static dev.gastown.beads.merge.MergeFixtures.closed;
import static dev.gastown.beads.merge.MergeFixtures.tombstone;
import static dev.gastown.beads.merge.MergeFixtures.withUnknown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.IdOrder;
import dev.gastown.beads.testing.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two branches edit a real {@code issues.jsonl} in different places; the merge must keep all of it. */
class JsonlMergeCorpusTest {
    private static final Timestamp LEFT_TIME = Timestamp.parse("2026-01-20T09:00:00.123456-08:00");
    private static final Timestamp RIGHT_TIME = Timestamp.parse("2026-01-21T10:30:00.5Z");
    private static final TombstoneExpiry EXPIRY = TombstoneExpiry.at(Instant.parse("2026-01-25T00:00:00Z"));

    static Stream<Path> corpora() {
        return Corpora.issueFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void editsOfBothBranchesSurviveAndEverythingElseKeepsItsBytes(Path file) throws IOException {
        String base = Files.readString(file);
        List<Issue> issues = base.lines().map(IssueCodec::parseLine).toList();
        List<Issue> open = issues.stream().filter(i -> i.status().equals(Status.OPEN)).toList();
        List<Issue> others = issues.stream()
                .filter(i -> !i.status().equals(Status.OPEN) && !i.status().equals(Status.TOMBSTONE)).toList();
        String prefix = issues.get(0).id().substring(0, issues.get(0).id().indexOf('-'));

        Map<String, UnaryOperator<Issue>> leftEdits = new LinkedHashMap<>();
        leftEdits.put(open.get(0).id(), i -> closed(i, LEFT_TIME, "closed on the left"));
        leftEdits.put(open.get(2).id(), i -> closed(i, LEFT_TIME, "also closed on the left"));
        leftEdits.put(open.get(6).id(), i -> i.toBuilder().title(i.title() + " (left)").updatedAt(LEFT_TIME).build());
        leftEdits.put(others.get(10).id(), i -> withUnknown(i.toBuilder().updatedAt(LEFT_TIME).build(),
                "priority", "future_field", "{\"from\":\"left\",\"n\":[1,2.5]}"));
        leftEdits.put(others.get(20).id(),
                i -> i.toBuilder().notes(i.notes() + "\nleft note").updatedAt(LEFT_TIME).build());

        Map<String, UnaryOperator<Issue>> rightEdits = new LinkedHashMap<>();
        rightEdits.put(open.get(0).id(),
                i -> i.toBuilder().assignee("rig/polecats/right").updatedAt(RIGHT_TIME).build());
        rightEdits.put(open.get(1).id(), i -> i.toBuilder().labels(withLabel(i.labels(), "merge-right"))
                .updatedAt(RIGHT_TIME).build());
        rightEdits.put(open.get(3).id(), i -> i.toBuilder().assignee("mayor")
                .dependencies(withEdge(i, open.get(4).id())).updatedAt(RIGHT_TIME).build());
        rightEdits.put(open.get(5).id(),
                i -> i.toBuilder().priority((i.priority() + 1) % 5).updatedAt(RIGHT_TIME).build());
        rightEdits.put(open.get(6).id(),
                i -> i.toBuilder().description(i.description() + " (right)").updatedAt(RIGHT_TIME).build());
        rightEdits.put(others.get(30).id(), i -> tombstone(i, RIGHT_TIME, "right-user"));

        Issue addedLeft = newIssue(prefix + "-mergeleft", LEFT_TIME);
        Issue addedRight = newIssue(prefix + "-0mergeright", RIGHT_TIME);
        String left = text(issues, List.of(leftEdits), addedLeft);
        String right = text(issues, List.of(rightEdits), addedRight);
        String expected = text(issues, List.of(leftEdits, rightEdits), addedLeft, addedRight);

        MergeResult result = JsonlMerge.merge(base, left, right, EXPIRY);

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged()).isEqualTo(expected);
        assertThat(JsonlMerge.merge(base, right, left, EXPIRY).merged()).isEqualTo(result.merged());
        Set<String> changed = new HashSet<>(leftEdits.keySet());
        changed.addAll(rightEdits.keySet());
        changed.add(addedLeft.id());
        changed.add(addedRight.id());
        assertThat(untouchedLines(result.merged(), changed)).isEqualTo(untouchedLines(base, changed));
        List<String> ids = result.merged().lines().map(l -> IssueCodec.parseLine(l).id()).toList();
        assertThat(ids).isSortedAccordingTo(IdOrder.COMPARATOR).doesNotHaveDuplicates();
    }

    /** The issues with the edits applied in order, plus the added ones, as a sorted JSONL text. */
    private static String text(List<Issue> issues, List<Map<String, UnaryOperator<Issue>>> edits, Issue... added) {
        List<Issue> all = new ArrayList<>();
        for (Issue issue : issues) {
            Issue edited = issue;
            for (Map<String, UnaryOperator<Issue>> side : edits) {
                edited = side.getOrDefault(issue.id(), UnaryOperator.identity()).apply(edited);
            }
            all.add(edited);
        }
        all.addAll(List.of(added));
        return MergeFixtures.jsonl(all.toArray(Issue[]::new));
    }

    private static List<String> untouchedLines(String text, Set<String> changed) {
        return text.lines().filter(l -> !changed.contains(IssueCodec.parseLine(l).id())).collect(Collectors.toList());
    }

    private static List<String> withLabel(List<String> labels, String label) {
        TreeSet<String> sorted = new TreeSet<>(IdOrder.COMPARATOR);
        sorted.addAll(labels);
        sorted.add(label);
        return List.copyOf(sorted);
    }

    private static List<Dependency> withEdge(Issue issue, String target) {
        List<Dependency> deps = new ArrayList<>(issue.dependencies());
        deps.add(Dependency.of(issue.id(), target, DependencyType.of("relates-to"), RIGHT_TIME, "right-user"));
        return deps;
    }

    private static Issue newIssue(String id, Timestamp at) {
        return MergeFixtures.issue(id).toBuilder().title("New on one branch <&>").createdAt(at).updatedAt(at).build();
    }
}
