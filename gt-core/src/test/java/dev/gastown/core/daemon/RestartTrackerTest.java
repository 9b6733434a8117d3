package dev.gastown.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTrackerTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theWaitDoublesFromThirtySecondsAndIsCapped() {
        RestartTracker t = RestartTracker.load(tmp.resolve("restarts.json"));
        assertThat(t.decide("a", T0)).isInstanceOf(RestartTracker.Decision.Restart.class);
        t.recordRestart("a", T0);
        assertThat(t.decide("a", T0.plusSeconds(29))).isEqualTo(new RestartTracker.Decision.Wait(T0.plusSeconds(30)));
        assertThat(t.decide("a", T0.plusSeconds(30))).isInstanceOf(RestartTracker.Decision.Restart.class);
        assertThat(RestartTracker.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RestartTracker.backoff(12)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anAgentDyingAtOnceUnderAThreeMinuteHeartbeatIsBlockedAtItsFifthRestart() {
        RestartTracker t = RestartTracker.load(tmp.resolve("restarts.json"));
        int[] minutes = {0, 3, 6, 9, 15};
        boolean loop = false;
        for (int m : minutes) {
            Instant now = T0.plus(Duration.ofMinutes(m));
            assertThat(t.decide("a", now)).isInstanceOf(RestartTracker.Decision.Restart.class);
            loop = t.recordRestart("a", now);
        }
        assertThat(loop).isTrue();
        RestartTracker reloaded = RestartTracker.load(tmp.resolve("restarts.json"));
        assertThat(reloaded.decide("a", T0.plus(Duration.ofHours(5))))
                .isEqualTo(new RestartTracker.Decision.Blocked(5));
        reloaded.clear("a");
        assertThat(RestartTracker.load(tmp.resolve("restarts.json")).decide("a", T0.plus(Duration.ofHours(5))))
                .isInstanceOf(RestartTracker.Decision.Restart.class);
    }

    @Test
    void restartsFarApartAreNoLoop() {
        RestartTracker t = RestartTracker.load(tmp.resolve("restarts.json"));
        for (int i = 0; i < 8; i++) {
            assertThat(t.recordRestart("a", T0.plus(Duration.ofMinutes(20L * i)))).isFalse();
        }
        assertThat(t.decide("a", T0.plus(Duration.ofHours(3)))).isInstanceOf(RestartTracker.Decision.Restart.class);
    }
}
