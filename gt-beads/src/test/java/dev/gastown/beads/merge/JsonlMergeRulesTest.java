package dev.gastown.beads.merge;

import static dev.gastown.beads.merge.MergeFixtures.CREATED;
import static dev.gastown.beads.merge.MergeFixtures.closed;
import static dev.gastown.beads.merge.MergeFixtures.day;
import static dev.gastown.beads.merge.MergeFixtures.issue;
import static dev.gastown.beads.merge.MergeFixtures.issues;
import static dev.gastown.beads.merge.MergeFixtures.jsonl;
import static dev.gastown.beads.merge.MergeFixtures.merge;
import static dev.gastown.beads.merge.MergeFixtures.only;
import static dev.gastown.beads.merge.MergeFixtures.tombstone;
import static dev.gastown.beads.merge.MergeFixtures.withUnknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.merge.MergeConflict.Kept;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonlMergeRulesTest {
    private final Issue a = issue("bd-a");

    @Nested
    class WholeIssues {
        @Test
        void anIssueAddedOnOneSideIsKept() {
            Issue b = issue("bd-b");
            Issue c = issue("bd-c");
            MergeResult r = merge(jsonl(a), jsonl(a, b), jsonl(a, c));
            assertThat(issues(r)).containsOnlyKeys("bd-a", "bd-b", "bd-c");
            assertThat(r.conflicts()).isEmpty();
        }

        @Test
        void anIssueDeletedOnOneSideAndUntouchedOnTheOtherIsDeleted() {
            Issue b = issue("bd-b");
            assertThat(issues(merge(jsonl(a, b), jsonl(a), jsonl(a, b)))).containsOnlyKeys("bd-a");
            assertThat(issues(merge(jsonl(a, b), jsonl(a, b), jsonl(a)))).containsOnlyKeys("bd-a");
        }

        @Test
        void anIssueDeletedOnBothSidesIsDeleted() {
            MergeResult r = merge(jsonl(a, issue("bd-b")), jsonl(a), jsonl(a));
            assertThat(r.merged()).isEqualTo(jsonl(a));
        }

        @Test
        void deletionBeatsModificationAndIsReported() {
            Issue modified = a.toBuilder().assignee("alice").updatedAt(day(2)).build();
            MergeResult r = merge(a, modified, null);
            assertThat(r.merged()).isEmpty();
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo(MergeConflict.WHOLE_ISSUE);
                assertThat(c.left()).isEqualTo(IssueCodec.encode(modified));
                assertThat(c.right()).isNull();
                assertThat(c.kept()).isEqualTo(Kept.RIGHT);
                assertThat(c.unresolved()).isFalse();
            });
            assertThat(merge(a, null, modified).conflicts()).singleElement()
                    .extracting(MergeConflict::kept).isEqualTo(Kept.LEFT);
        }

        @Test
        void theSameIssueAddedOnBothSidesIsMergedFieldByField() {
            Issue left = a.toBuilder().assignee("alice").updatedAt(day(2)).build();
            Issue right = a.toBuilder().assignee("bob").priority(1).updatedAt(day(3)).build();
            MergeResult r = merge(null, left, right);
            Issue m = only(r);
            assertThat(m.assignee()).isEqualTo("bob");
            assertThat(m.priority()).isEqualTo(1);
            assertThat(r.conflicts()).extracting(MergeConflict::field).containsExactly("assignee");
        }
    }

    /** Two versions with different {@code created_at} are different issues that share an id. */
    @Nested
    class IdCollisions {
        private final Issue other = a.toBuilder().title("Someone else's").createdAt(day(5)).updatedAt(day(5)).build();

        @Test
        void twoIssuesAddedUnderOneIdAreBothKeptAndUnresolved() {
            MergeResult r = merge(null, other, a);
            assertThat(r.merged()).isEqualTo(IssueCodec.toLine(a) + "\n" + IssueCodec.toLine(other) + "\n");
            assertThat(r.hasUnresolved()).isTrue();
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("created_at");
                assertThat(c.left()).isEqualTo(new JsonString(day(5).text()));
                assertThat(c.right()).isEqualTo(new JsonString(CREATED.text()));
                assertThat(c.kept()).isEqualTo(Kept.BOTH);
            });
        }

        @Test
        void aReplacementWinsOverAnUntouchedOriginal() {
            MergeResult r = merge(a, a, other);
            assertThat(only(r)).isEqualTo(other);
            assertThat(r.conflicts()).isEmpty();
        }

        @Test
        void aReplacementSurvivesTheDeletionOfTheOriginal() {
            assertThat(only(merge(a, null, other))).isEqualTo(other);
        }

        @Test
        void aModifiedOriginalAndAReplacementAreBothKept() {
            Issue modified = a.toBuilder().assignee("alice").updatedAt(day(2)).build();
            MergeResult r = merge(a, modified, other);
            assertThat(r.merged().lines()).containsExactly(IssueCodec.toLine(modified), IssueCodec.toLine(other));
            assertThat(r.hasUnresolved()).isTrue();
        }

        @Test
        void theSameInstantWrittenWithAnotherOffsetIsTheSameIssue() {
            Issue shifted = a.toBuilder().createdAt(Timestamp.parse("2026-01-01T02:00:00-08:00"))
                    .assignee("alice").updatedAt(day(2)).build();
            MergeResult r = merge(a, shifted, a.toBuilder().priority(0).updatedAt(day(3)).build());
            assertThat(only(r).assignee()).isEqualTo("alice");
            assertThat(only(r).priority()).isZero();
        }
    }

    @Nested
    class Tombstones {
        @Test
        void ofTwoTombstonesTheLaterDeletionWins() {
            Issue early = tombstone(a, day(10), "left-user");
            Issue late = tombstone(a, day(11), "right-user");
            assertThat(only(merge(a, early, late)).deletedBy()).isEqualTo("right-user");
            assertThat(only(merge(a, late, early)).deletedBy()).isEqualTo("right-user");
        }

        @Test
        void aFreshTombstoneBeatsALiveIssueWhoseOtherChangesStillMerge() {
            Issue dead = tombstone(a, day(20), "alice");
            Issue edited = a.toBuilder().status(Status.IN_PROGRESS).assignee("bob").updatedAt(day(21)).build();
            Issue m = only(merge(a, edited, dead));
            assertThat(m.status()).isEqualTo(Status.TOMBSTONE);
            assertThat(m.deletedAt()).isEqualTo(day(20));
            assertThat(m.deletedBy()).isEqualTo("alice");
            assertThat(m.originalType()).isEqualTo("task");
            assertThat(m.assignee()).isEqualTo("bob");
            assertThat(m.updatedAt()).isEqualTo(day(21));
        }

        @Test
        void aFreshTombstoneBeatsAStaleResurrection() {
            Issue dead = tombstone(a, day(20), "alice");
            Issue resurrected = a.toBuilder().assignee("bob").updatedAt(day(21)).build();
            assertThat(only(merge(dead, dead, resurrected)).status()).isEqualTo(Status.TOMBSTONE);
        }

        @Test
        void anExpiredTombstoneLosesToALiveIssue() {
            Issue closedThenDeleted = closed(a, day(1), "done");
            Issue dead = tombstone(closedThenDeleted, day(1), "alice"); // keeps closed_at, as bd does
            Issue live = a.toBuilder().assignee("bob").updatedAt(day(2)).build();
            Issue m = only(merge(a, dead, live));
            assertThat(m.status()).isEqualTo(Status.OPEN);
            assertThat(m.deletedAt()).isNull();
            assertThat(m.deletedBy()).isEmpty();
            assertThat(m.originalType()).isEmpty();
            assertThat(m.closedAt()).as("only a closed issue has closed_at").isNull();
            assertThat(m.assignee()).isEqualTo("bob");
        }
    }

    @Nested
    class Statuses {
        @Test
        void closedBeatsAnyOtherStatusWithItsCloseFields() {
            Issue closedLeft = closed(a, day(5), "fixed");
            Issue working = a.toBuilder().status(Status.IN_PROGRESS).updatedAt(day(6)).build();
            for (MergeResult r : List.of(merge(a, closedLeft, working), merge(a, working, closedLeft))) {
                Issue m = only(r);
                assertThat(m.status()).isEqualTo(Status.CLOSED);
                assertThat(m.closedAt()).isEqualTo(day(5));
                assertThat(m.closeReason()).isEqualTo("fixed");
                assertThat(m.updatedAt()).isEqualTo(day(6));
                assertThat(r.conflicts()).isEmpty();
            }
        }

        /** The original's rule, kept: a reopen is undone by a side that still has the issue closed. */
        @Test
        void closedBeatsAReopen() {
            Issue done = closed(a, day(5), "fixed");
            Issue reopened = a.toBuilder().updatedAt(day(6)).build();
            Issue m = only(merge(done, reopened, done.toBuilder().assignee("bob").build()));
            assertThat(m.status()).isEqualTo(Status.CLOSED);
            assertThat(m.closedAt()).isEqualTo(day(5));
            assertThat(m.closeReason()).isEqualTo("fixed");
            assertThat(m.assignee()).isEqualTo("bob");
        }

        @Test
        void closedOnBothSidesTakesTheLatestCloseTimeAndTheLaterReason() {
            MergeResult r = merge(a, closed(a, day(7), "left reason"), closed(a, day(4), "right reason"));
            Issue m = only(r);
            assertThat(m.closedAt()).isEqualTo(day(7));
            assertThat(m.closeReason()).isEqualTo("left reason");
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("close_reason");
                assertThat(c.kept()).isEqualTo(Kept.LEFT);
            });
        }

        @Test
        void otherStatusesConflictLikeAnyFieldAndTheLaterUpdateWins() {
            Issue blocked = a.toBuilder().status(Status.BLOCKED).updatedAt(day(3)).build();
            Issue hooked = a.toBuilder().status(Status.HOOKED).updatedAt(day(4)).build();
            MergeResult r = merge(a, blocked, hooked);
            assertThat(only(r).status()).isEqualTo(Status.HOOKED);
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("status");
                assertThat(c.left()).isEqualTo(new JsonString("blocked"));
                assertThat(c.right()).isEqualTo(new JsonString("hooked"));
                assertThat(c.kept()).isEqualTo(Kept.RIGHT);
            });
        }

        @Test
        void aStatusChangedOnOneSideSurvivesNextToOtherChanges() {
            Issue working = a.toBuilder().status(Status.IN_PROGRESS).updatedAt(day(3)).build();
            Issue assigned = a.toBuilder().assignee("bob").updatedAt(day(2)).build();
            Issue m = only(merge(a, working, assigned));
            assertThat(m.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(m.assignee()).isEqualTo("bob");
            assertThat(m.updatedAt()).isEqualTo(day(3));
        }
    }

    @Nested
    class ScalarFields {
        @Test
        void theMoreUrgentPriorityWinsAConflictWithoutAReport() {
            MergeResult r = merge(a, a.toBuilder().priority(3).build(), a.toBuilder().priority(1).build());
            assertThat(only(r).priority()).isEqualTo(1);
            assertThat(r.conflicts()).isEmpty();
        }

        @Test
        void aPriorityLoweredOnOneSideOnlyIsKept() {
            Issue m = only(merge(a, a.toBuilder().priority(4).build(), a.toBuilder().assignee("bob").build()));
            assertThat(m.priority()).isEqualTo(4);
        }

        @Test
        void leftWinsAnIssueTypeConflictAndItIsReported() {
            Issue bug = a.toBuilder().issueType(IssueType.BUG).updatedAt(day(2)).build();
            Issue feature = a.toBuilder().issueType(IssueType.FEATURE).updatedAt(day(3)).build();
            MergeResult r = merge(a, bug, feature);
            assertThat(only(r).issueType()).isEqualTo(IssueType.BUG);
            assertThat(r.conflicts()).singleElement().extracting(MergeConflict::kept).isEqualTo(Kept.LEFT);
        }

        @Test
        void updatedAtIsTheLaterInstantWhateverTheOffset() {
            Issue left = a.toBuilder().assignee("x").updatedAt(Timestamp.parse("2026-01-03T01:00:00-08:00")).build();
            Issue right = a.toBuilder().priority(1).updatedAt(Timestamp.parse("2026-01-03T10:00:00+01:00")).build();
            assertThat(only(merge(a, left, right)).updatedAt().text()).isEqualTo("2026-01-03T01:00:00-08:00");
        }

        @Test
        void theLaterUpdateWinsTitleAndDescriptionSilently() {
            Issue left = a.toBuilder().title("L").description("left text").updatedAt(day(2)).build();
            Issue right = a.toBuilder().title("R").description("right text").updatedAt(day(3)).build();
            MergeResult r = merge(a, left, right);
            assertThat(only(r).title()).isEqualTo("R");
            assertThat(only(r).description()).isEqualTo("right text");
            assertThat(r.conflicts()).isEmpty();
        }

        @Test
        void onATieLeftWinsTheTitleAndItIsReported() {
            Issue left = a.toBuilder().title("L").updatedAt(day(2)).build();
            Issue right = a.toBuilder().title("R").updatedAt(day(2)).build();
            MergeResult r = merge(a, left, right);
            assertThat(only(r).title()).isEqualTo("L");
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("title");
                assertThat(c.kept()).isEqualTo(Kept.LEFT);
                assertThat(c.describe()).isEqualTo("bd-a title: left \"L\", right \"R\"; kept left");
            });
        }

        @Test
        void notesBothSidesChangedAreCombined() {
            Issue base = a.toBuilder().notes("start").build();
            assertThat(only(merge(base, base.toBuilder().notes("start\nleft").build(),
                    base.toBuilder().notes("start\nright").build())).notes()).isEqualTo("start\nleft\nright");
            assertThat(only(merge(base, base.toBuilder().notes("one").build(),
                    base.toBuilder().notes("two").build())).notes()).isEqualTo("one\n\ntwo");
            assertThat(only(merge(base, base.toBuilder().notes("start, more").build(),
                    base.toBuilder().notes("more").build())).notes()).isEqualTo("start, more");
        }
    }

    @Nested
    class Lists {
        @Test
        void labelsMergeAsSetsWhereRemovalsWinAndAdditionsUnite() {
            Issue base = a.toBuilder().labels(List.of("keep", "drop-left", "drop-right")).build();
            Issue left = base.toBuilder().labels(List.of("keep", "drop-right", "zeta")).build();
            Issue right = base.toBuilder().labels(List.of("alpha", "drop-left", "keep")).build();
            assertThat(only(merge(base, left, right)).labels()).containsExactly("alpha", "keep", "zeta");
        }

        @Test
        void dependenciesMergeAsSetsInADeterministicOrder() {
            Dependency old = dep("bd-x", day(1));
            Dependency gone = dep("bd-gone", day(1));
            Dependency leftNew = dep("bd-z", day(3));
            Dependency rightNew = dep("bd-y", day(3));
            Dependency earliest = dep("bd-w", day(2));
            Issue base = a.toBuilder().dependencies(List.of(old, gone)).build();
            Issue left = base.toBuilder().dependencies(List.of(leftNew, old, gone)).build();
            Issue right = base.toBuilder().dependencies(List.of(rightNew, earliest, old)).build();
            assertThat(only(merge(base, left, right)).dependencies())
                    .containsExactly(old, earliest, rightNew, leftNew);
            assertThat(only(merge(base, right, left)).dependencies())
                    .containsExactly(old, earliest, rightNew, leftNew);
        }

        @Test
        void anUnchangedListKeepsItsOrder() {
            List<Dependency> unsorted = List.of(dep("bd-z", day(3)), dep("bd-y", day(1)));
            Issue base = a.toBuilder().dependencies(unsorted).build();
            Issue m = only(merge(base, base.toBuilder().assignee("x").build(), base.toBuilder().priority(0).build()));
            assertThat(m.dependencies()).isEqualTo(unsorted);
        }

        @Test
        void sameEdgeWithAnotherTypeIsAnotherElement() {
            Issue left = a.toBuilder().dependencies(List.of(dep("bd-x", day(1)))).build();
            Dependency related = Dependency.of("bd-a", "bd-x", DependencyType.of("related"), day(1), "me");
            Issue right = a.toBuilder().dependencies(List.of(related)).build();
            assertThat(only(merge(a, left, right)).dependencies()).hasSize(2);
        }

        @Test
        void commentsAreTheUnionByIdInTimeOrder() {
            Comment first = comment(1, day(1), "first");
            Issue base = a.toBuilder().comments(List.of(first)).build();
            Issue left = base.toBuilder().comments(List.of(first, comment(3, day(2), "left"))).build();
            Issue right = base.toBuilder().comments(List.of(comment(2, day(2), "right"))).build();
            assertThat(only(merge(base, left, right)).comments()).extracting(Comment::text)
                    .containsExactly("first", "right", "left");
        }

        @Test
        void aCommentEditedDifferentlyOnBothSidesKeepsLeftAndIsReported() {
            Issue base = a.toBuilder().comments(List.of(comment(1, day(1), "text"))).build();
            Issue left = base.toBuilder().comments(List.of(comment(1, day(1), "left edit"))).build();
            Issue right = base.toBuilder().comments(List.of(comment(1, day(1), "right edit"))).build();
            MergeResult r = merge(base, left, right);
            assertThat(only(r).comments()).extracting(Comment::text).containsExactly("left edit");
            assertThat(r.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.field()).isEqualTo("comments");
                assertThat(c.kept()).isEqualTo(Kept.LEFT);
            });
        }

        private Dependency dep(String target, Timestamp created) {
            return Dependency.of("bd-a", target, DependencyType.BLOCKS, created, "me");
        }

        private Comment comment(long id, Timestamp created, String text) {
            return new Comment(JsonNumber.of(id), "bd-a", "me", text, created, List.of());
        }
    }

    /** The original dropped every field it did not model; here every field merges. */
    @Nested
    class EveryOtherField {
        @Test
        void fieldsChangedOnOneSideSurvive() {
            Issue left = withUnknown(a.toBuilder().assignee("alice").labels(List.of("l1")).updatedAt(day(2)).build(),
                    "title", "future_field", "{\"x\":[1,2]}");
            Issue right = a.toBuilder().hookBead("bd-hook").agentState("working").design("d").awaitType("timer")
                    .timeout(5_000_000_000L).externalRef("").updatedAt(day(3)).build();
            MergeResult r = merge(a, left, right);
            Issue m = only(r);
            assertThat(m.assignee()).isEqualTo("alice");
            assertThat(m.labels()).containsExactly("l1");
            assertThat(m.hookBead()).isEqualTo("bd-hook");
            assertThat(m.agentState()).isEqualTo("working");
            assertThat(m.design()).isEqualTo("d");
            assertThat(m.awaitType()).isEqualTo("timer");
            assertThat(m.timeout()).isEqualTo(5_000_000_000L);
            assertThat(m.externalRef()).isEmpty();
            assertThat(r.merged())
                    .startsWith("{\"id\":\"bd-a\",\"title\":\"Title of bd-a\",\"future_field\":{\"x\":[1,2]},");
            assertThat(r.conflicts()).isEmpty();
        }

        @Test
        void aFieldClearedOnOneSideStaysCleared() {
            Issue base = withUnknown(a.toBuilder().assignee("alice").build(), "notes", "future_field", "1");
            Issue cleared = a.toBuilder().updatedAt(day(2)).build();
            Issue m = only(merge(base, cleared, base.toBuilder().priority(1).build()));
            assertThat(m.assignee()).isEmpty();
            assertThat(m.unknown()).isEmpty();
        }

        @Test
        void aTrueConflictGoesToTheLaterUpdateAndIsReported() {
            Issue left = withUnknown(a.toBuilder().assignee("alice").updatedAt(day(3)).build(), "title", "k", "1");
            Issue right = withUnknown(a.toBuilder().assignee("bob").updatedAt(day(2)).build(), "title", "k", "2");
            MergeResult r = merge(a, left, right);
            assertThat(only(r).assignee()).isEqualTo("alice");
            assertThat(only(r).unknown()).singleElement()
                    .satisfies(f -> assertThat(f.value()).isEqualTo(JsonNumber.of(1)));
            assertThat(r.conflicts()).extracting(MergeConflict::field, MergeConflict::kept)
                    .containsExactlyInAnyOrder(tuple("assignee", Kept.LEFT), tuple("k", Kept.LEFT));
        }

        @Test
        void oneSideUnchangedGivesTheOtherSideExactly() {
            Issue left = withUnknown(a.toBuilder().assignee("alice").labels(List.of("b", "a")).notes("n")
                    .updatedAt(day(2)).build(), "assignee", "future_field", "true");
            MergeResult r = merge(jsonl(a), jsonl(left), jsonl(a));
            assertThat(r.merged()).isEqualTo(jsonl(left));
        }
    }

    @Test
    void threeEqualCanonicalInputsComeBackUnchanged() {
        String text = jsonl(a, closed(issue("bd-a.10"), day(2), "x"), issue("bd-a.2"),
                tombstone(issue("bd-b"), day(1), "u"));
        assertThat(merge(text, text, text).merged()).isEqualTo(text);
    }

    @Test
    void theMergeIsDeterministicAndSymmetricWhereItsRulesAre() {
        Issue b = issue("bd-b");
        Issue c = issue("bd-c");
        String base = jsonl(a, b, c);
        String left = jsonl(closed(a, day(3), "done"), b.toBuilder().notes("left").updatedAt(day(2)).build(), c,
                issue("bd-new1"));
        String right = jsonl(a.toBuilder().assignee("bob").labels(List.of("x")).updatedAt(day(4)).build(),
                b.toBuilder().notes("right").priority(0).updatedAt(day(5)).build(), issue("bd-new2"));
        MergeResult once = merge(base, left, right);
        assertThat(merge(base, left, right)).isEqualTo(once);
        MergeResult swapped = merge(base, right, left);
        assertThat(once.merged().replace("left\\n\\nright", "right\\n\\nleft")).isEqualTo(swapped.merged());
        assertThat(issues(once)).containsOnlyKeys("bd-a", "bd-b", "bd-new1", "bd-new2");
    }
}
