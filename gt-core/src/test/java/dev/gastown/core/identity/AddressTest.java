package dev.gastown.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.core.GtException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTest {
    private static final List<Address> ALL = List.of(Address.MAYOR, Address.DEACON, Address.BOOT,
            new Address.Dog("alpha"), new Address.Witness("gastown"), new Address.Refinery("gastown"),
            new Address.Polecat("gastown", "toast"), new Address.Crew("gastown", "max"), Address.OVERSEER);

    @Test
    void everyAddressParsesBackFromItsText() {
        for (Address a : ALL) {
            assertThat(Address.parse(a.toString())).isEqualTo(a);
        }
    }

    @Test
    void everySessionNameAndAgentBeadIdParsesBack() {
        for (Address a : ALL) {
            if (a.role() == Role.OVERSEER) {
                continue;
            }
            assertThat(SessionNames.parse(SessionNames.of(a))).contains(a);
            assertThat(AgentBeadIds.parse(AgentBeadIds.of(a))).contains(a);
        }
        assertThat(SessionNames.of(new Address.Polecat("gastown", "toast"))).isEqualTo("gt-gastown-toast");
        assertThat(SessionNames.of(new Address.Crew("gastown", "max"))).isEqualTo("gt-gastown-crew-max");
        assertThat(AgentBeadIds.of(new Address.Polecat("gastown", "toast"))).isEqualTo("hq-gastown-polecat-toast");
    }

    @Test
    void shortAndLegacySpellingsAreAccepted() {
        assertThat(Address.parse("mayor")).isEqualTo(Address.MAYOR);
        assertThat(Address.parse("deacon-boot")).isEqualTo(Address.BOOT);
        assertThat(Address.parse("gastown/toast")).isEqualTo(new Address.Polecat("gastown", "toast"));
        assertThat(Address.parse("gastown/witness/")).isEqualTo(new Address.Witness("gastown"));
        assertThat(SessionNames.parse("other-session")).isEmpty();
        assertThat(AgentBeadIds.parse("hq-cv-abcde")).isEmpty();
    }

    @Test
    void badNamesAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Address.parse("gas-town/witness")).isInstanceOf(GtException.class)
                .hasMessageContaining("gas-town");
        assertThatThrownBy(() -> Address.parse("gastown/polecats/../x")).isInstanceOf(GtException.class);
        assertThatThrownBy(() -> Address.parse("a/b/c/d")).isInstanceOf(GtException.class);
        assertThatThrownBy(() -> new Address.Polecat("gastown", "witness")).isInstanceOf(GtException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> Names.checkRig("mayor")).isInstanceOf(GtException.class);
    }
}
