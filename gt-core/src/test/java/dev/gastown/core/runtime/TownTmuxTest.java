package dev.gastown.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.core.identity.Address;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TownTmuxTest {
    @TempDir
    Path tmp;

    @Test
    void aTownReachedThroughASymlinkHasOneRootOneSocketAndOneSocketFile() throws Exception {
        Town real = TownFixture.bare(tmp).town;
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real.root());
        Town viaGtRoot = TownLocator.require(Map.of(TownLocator.GT_ROOT, link.toString()), tmp);
        Town fromInside = TownLocator.require(Map.of(), real.deaconDir());
        Town fromInsideTheLink = TownLocator.require(Map.of(), link.resolve("deacon"));

        assertThat(viaGtRoot).isEqualTo(fromInside).isEqualTo(fromInsideTheLink);
        assertThat(viaGtRoot.root()).isEqualTo(real.root().toRealPath());
        assertThat(TownTmux.socketName(viaGtRoot)).isEqualTo(TownTmux.socketName(fromInside));

        String name = TownTmux.of(viaGtRoot).socket();
        assertThat(TownTmux.of(fromInside).socket()).isEqualTo(name);
        assertThat(Files.readString(TownTmux.socketFile(viaGtRoot)).strip()).isEqualTo(name);

        assertThat(Identities.fromDirectory(viaGtRoot, link.resolve("deacon"))).isEqualTo(Address.DEACON);
        assertThat(Identities.fromDirectory(viaGtRoot, real.deaconDir())).isEqualTo(Address.DEACON);
    }

    @Test
    void aTownNotYetCreatedUnderASymlinkedParentIsSpelledByTheParentsRealPath() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("real-parent"));
        Path link = Files.createSymbolicLink(tmp.resolve("linked-parent"), parent);
        assertThat(new Town(link.resolve("town/../town")).root()).isEqualTo(parent.toRealPath().resolve("town"));
    }
}
