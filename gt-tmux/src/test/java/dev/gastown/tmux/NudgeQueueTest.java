package dev.gastown.tmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NudgeQueueTest {
    @TempDir
    Path dir;

    @Test
    void messagesComeOutOnceInArrivalOrder() {
        NudgeQueue q = new NudgeQueue(dir);
        q.add("first");
        q.add("second");
        q.add("third");
        assertThat(q.drain()).containsExactly("first", "second", "third");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aClaimLeftByAKilledReaderGoesBackAfterTheTimeoutAndKeepsItsPlace() throws Exception {
        NudgeQueue q = new NudgeQueue(dir);
        q.add("first");
        q.add("second");
        NudgeQueue.Claimed abandoned = q.claimOldest().orElseThrow();
        assertThat(abandoned.text()).isEqualTo("first");
        assertThat(q.drain()).containsExactly("second");

        // a fresh claim stays claimed: its reader may still be typing it
        assertThat(q.isEmpty()).isTrue();
        Files.setLastModifiedTime(abandoned.claimed(), FileTime.from(Instant.now()
                .minus(NudgeQueue.CLAIM_TIMEOUT).minus(Duration.ofSeconds(1))));
        q.add("third");
        assertThat(q.drain()).containsExactly("first", "third");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aMessageThatWaitedPastItsTimeToLiveIsDroppedUnread() throws Exception {
        NudgeQueue q = new NudgeQueue(dir);
        Path old = q.add("stale");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(NudgeQueue.TTL).minusSeconds(1)));
        q.add("fresh");
        assertThat(q.drain()).containsExactly("fresh");
    }
}
