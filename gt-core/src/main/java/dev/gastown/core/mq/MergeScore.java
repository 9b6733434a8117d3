package dev.gastown.core.mq;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The original's merge-queue score, highest first:
 * {@code 1000 + 10·hours(convoy age) + 100·(4 − priority) − min(50·retry_count, 300) + 1·hours(MR age)}.
 * The convoy term keeps a convoy's last requests from starving behind newer work; the retry penalty lets fresh work
 * pass a request that keeps failing. Deterministic: the caller says what time it is.
 */
public final class MergeScore {
    static final double BASE = 1000;
    static final double PER_CONVOY_HOUR = 10;
    static final double PER_PRIORITY_STEP = 100;
    static final double PER_RETRY = 50;
    static final double MAX_RETRY_PENALTY = 300;
    static final double PER_MR_HOUR = 1;

    private MergeScore() {
    }

    /**
     * @param priority 0 (critical) to 4 (backlog)
     * @param convoyCreated when the convoy tracking the request's issue was created, if one does
     */
    public static double of(int priority, int retryCount, Instant mrCreated, Optional<Instant> convoyCreated,
            Instant now) {
        double convoyHours = convoyCreated.map(c -> hours(c, now)).orElse(0.0);
        return BASE + PER_CONVOY_HOUR * convoyHours + PER_PRIORITY_STEP * (4 - priority)
                - Math.min(PER_RETRY * retryCount, MAX_RETRY_PENALTY) + PER_MR_HOUR * hours(mrCreated, now);
    }

    /** Hours from {@code from} to {@code now}; never negative (a clock that went back does not lower a score). */
    static double hours(Instant from, Instant now) {
        return Math.max(0, Duration.between(from, now).toMillis()) / 3_600_000.0;
    }
}
