package dev.gastown.core.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.config.Routes;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSetup;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TownSetupTest {
    @TempDir
    Path tmp;

    @Test
    void installLaysOutTheTownAndRefusesToRunTwice() throws Exception {
        TownFixture f = TownFixture.bare(tmp);
        Town town = f.town;
        assertThat(town.townJson()).isRegularFile();
        assertThat(JsonFiles.read(town.townJson()).string("type")).isEqualTo("town");
        assertThat(town.beads().issuesJsonl()).isRegularFile();
        assertThat(town.root().resolve("CLAUDE.md")).content().contains("Mayor");
        Ledger ledger = f.ledger(Address.OVERSEER);
        assertThat(new Agents(ledger).find(Address.MAYOR)).isPresent();
        assertThat(TownLocator.enclosing(town.deaconDir())).contains(town);
        assertThatThrownBy(() -> TownInstaller.install(new TownInstaller.Request(town.root(), "x", "", false, false,
                Git.ENV))).isInstanceOf(GtException.class).hasMessageContaining("already a town");
        Path nested = town.root().resolve("sub");
        assertThatThrownBy(() -> TownInstaller.install(new TownInstaller.Request(nested, "x", "", false, false,
                Git.ENV))).hasMessageContaining("inside the town");
        assertThat(nested).doesNotExist();
    }

    @Test
    void rigAddBuildsClonesWorktreeBeadsAndRoute() throws Exception {
        TownFixture f = TownFixture.withRig(tmp);
        Rig rig = f.rig();
        assertThat(rig.prefix()).isEqualTo("ga");
        assertThat(rig.config().defaultBranch()).isEqualTo("main");
        assertThat(rig.layout().refineryWorktree().resolve("README")).isRegularFile();
        assertThat(rig.layout().mayorClone().resolve("README")).isRegularFile();
        assertThat(Git.run(rig.layout().bareRepo(), "rev-parse", "--verify", "origin/main")).isNotEmpty();
        assertThat(Routes.near(rig.layout().beads()).storeFor("ga-abc")).contains(rig.layout().beads());
        assertThat(Routes.near(rig.layout().beads()).storeFor("hq-abc")).contains(f.town.beads());
        assertThat(new Agents(f.ledger(Address.OVERSEER)).find(new Address.Witness("gastown"))).isPresent();
    }

    @Test
    void aBadUrlOrNameLeavesNothingBehind() throws Exception {
        TownFixture f = TownFixture.bare(tmp);
        String routesBefore = Files.readString(f.town.beads().path().resolve(Routes.FILE_NAME));
        assertThatThrownBy(() -> RigSetup.add(f.town, "proj", tmp.resolve("nowhere.git").toString(), null, "x"))
                .isInstanceOf(GtException.class).hasMessageContaining("cannot reach");
        assertThat(f.town.root().resolve("proj")).doesNotExist();
        assertThatThrownBy(() -> RigSetup.add(f.town, "my-proj", f.remote.toString(), null, "x"))
                .isInstanceOf(GtException.class).hasMessageContaining("my-proj");
        assertThatThrownBy(() -> RigSetup.add(f.town, "../evil", f.remote.toString(), null, "x"))
                .isInstanceOf(GtException.class);
        assertThat(RigRegistry.list(f.town)).isEmpty();
        assertThat(Files.readString(f.town.beads().path().resolve(Routes.FILE_NAME))).isEqualTo(routesBefore);
    }

    @Test
    void identityComesFromGtRoleThenFromTheDirectory() throws Exception {
        TownFixture f = TownFixture.withRig(tmp);
        Town t = f.town;
        Address toast = new Address.Polecat("gastown", "toast");
        assertThat(Identities.detect(t, Map.of("GT_ROLE", "gastown/polecats/toast"), t.root())).isEqualTo(toast);
        assertThat(Identities.detect(t, Map.of("GT_ROLE", "polecat", "GT_RIG", "gastown", "GT_POLECAT", "toast"),
                t.root())).isEqualTo(toast);
        assertThat(Identities.detect(t, Map.of(), t.root().resolve("gastown/polecats/toast/src"))).isEqualTo(toast);
        assertThat(Identities.detect(t, Map.of(), t.root().resolve("gastown/refinery/rig")))
                .isEqualTo(new Address.Refinery("gastown"));
        assertThat(Identities.detect(t, Map.of(), t.root())).isEqualTo(Address.OVERSEER);
        Map<String, String> env = Identities.environment(t, toast);
        assertThat(env).containsEntry("BD_ACTOR", "gastown/polecats/toast").containsEntry("GT_POLECAT", "toast")
                .containsEntry("BEADS_DIR", t.rig("gastown").beads().path().toString());
    }
}
