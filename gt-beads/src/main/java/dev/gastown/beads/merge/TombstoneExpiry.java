package dev.gastown.beads.merge;

import dev.gastown.beads.model.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a tombstone stops counting: {@code ttl} after its {@code deleted_at}, plus one hour of clock-skew grace when
 * the TTL is longer than an hour, as the original computes it. An expired tombstone loses a merge to a live issue.
 */
public record TombstoneExpiry(Duration ttl, Instant now) {
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    private static final Duration CLOCK_SKEW_GRACE = Duration.ofHours(1);

    public TombstoneExpiry {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(now, "now");
    }

    /** The default TTL, measured at {@code now}. */
    public static TombstoneExpiry at(Instant now) {
        return new TombstoneExpiry(DEFAULT_TTL, now);
    }

    /** Whether a tombstone deleted at {@code deletedAt} has expired; one without {@code deleted_at} never does. */
    public boolean isExpired(Timestamp deletedAt) {
        if (deletedAt == null) {
            return false;
        }
        Duration lifetime = ttl.compareTo(CLOCK_SKEW_GRACE) > 0 ? ttl.plus(CLOCK_SKEW_GRACE) : ttl;
        return deletedAt.toInstant().plus(lifetime).isBefore(now);
    }
}
