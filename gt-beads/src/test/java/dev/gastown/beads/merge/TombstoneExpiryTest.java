package dev.gastown.beads.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.model.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TombstoneExpiryTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @Test
    void aTombstoneLivesItsTtlPlusAnHourOfGrace() {
        TombstoneExpiry expiry = TombstoneExpiry.at(NOW);
        assertThat(expiry.isExpired(deletedAgo(Duration.ofDays(30)))).isFalse();
        assertThat(expiry.isExpired(deletedAgo(Duration.ofDays(30).plusMinutes(59)))).isFalse();
        assertThat(expiry.isExpired(deletedAgo(Duration.ofDays(30).plusHours(1).plusSeconds(1)))).isTrue();
    }

    @Test
    void aTtlOfAnHourOrLessGetsNoGrace() {
        TombstoneExpiry expiry = new TombstoneExpiry(Duration.ofHours(1), NOW);
        assertThat(expiry.isExpired(deletedAgo(Duration.ofMinutes(59)))).isFalse();
        assertThat(expiry.isExpired(deletedAgo(Duration.ofMinutes(61)))).isTrue();
    }

    @Test
    void aTombstoneWithoutDeletedAtNeverExpires() {
        assertThat(TombstoneExpiry.at(NOW).isExpired(null)).isFalse();
    }

    private static Timestamp deletedAgo(Duration age) {
        return Timestamp.of(NOW.minus(age));
    }
}
