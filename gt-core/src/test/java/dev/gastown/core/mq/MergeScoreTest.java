package dev.gastown.core.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MergeScoreTest {
    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    static Instant hoursAgo(double h) {
        return NOW.minus(Duration.ofMillis((long) (h * 3_600_000)));
    }

    @Test
    void theOriginalFormula() {
        // 1000 + 10*5 (convoy 5h) + 100*(4-1) - 50*2 + 1*3 (MR 3h)
        assertThat(MergeScore.of(1, 2, hoursAgo(3), Optional.of(hoursAgo(5)), NOW)).isCloseTo(1253, within(1e-9));
        assertThat(MergeScore.of(2, 0, NOW, Optional.empty(), NOW)).isEqualTo(1200);
    }

    @Test
    void theRetryPenaltyStopsAtThreeHundred() {
        double six = MergeScore.of(2, 6, NOW, Optional.empty(), NOW);
        assertThat(MergeScore.of(2, 60, NOW, Optional.empty(), NOW)).isEqualTo(six).isEqualTo(900);
    }

    @Test
    void anOldConvoyOvertakesAHigherPriority() {
        double freshP0 = MergeScore.of(0, 0, NOW, Optional.empty(), NOW);
        double starvingP2 = MergeScore.of(2, 0, NOW, Optional.of(hoursAgo(21)), NOW);
        assertThat(starvingP2).isGreaterThan(freshP0);
    }

    @Test
    void aClockThatWentBackDoesNotLowerAScore() {
        Instant future = NOW.plus(Duration.ofHours(2));
        assertThat(MergeScore.of(2, 0, future, Optional.of(future), NOW)).isEqualTo(1200);
    }
}
