package dev.gastown.core.rig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RigPrefixesTest {
    @Test
    void derivesLikeTheOriginalAndAvoidsTakenPrefixes() {
        assertThat(RigPrefixes.derive("gastown", Set.of())).isEqualTo("ga");
        assertThat(RigPrefixes.derive("gas_town", Set.of())).isEqualTo("gt");
        assertThat(RigPrefixes.derive("api", Set.of())).isEqualTo("api");
        assertThat(RigPrefixes.derive("beads_go", Set.of())).isEqualTo("be");
        assertThat(RigPrefixes.derive("gastown", Set.of("ga"))).isEqualTo("gas");
        assertThat(RigPrefixes.derive("hq", Set.of("hq"))).isEqualTo("hq2");
    }
}
