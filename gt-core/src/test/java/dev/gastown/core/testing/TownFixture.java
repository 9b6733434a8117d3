package dev.gastown.core.testing;

import dev.gastown.beads.testing.Git;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSetup;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real town in a temp directory: a bare "origin" with one commit on main, the town, and one rig on it. */
public final class TownFixture {
    public static final String RIG = "gastown";

    public final Path base;
    public final Path remote;
    public final Town town;

    private TownFixture(Path base, Path remote, Town town) {
        this.base = base;
        this.remote = remote;
        this.town = town;
    }

    /** A town with no rigs. */
    public static TownFixture bare(Path base) throws IOException {
        Git.remoteWithClones(base, 0);
        Path remote = base.resolve("remote.git");
        Town town = TownInstaller.install(new TownInstaller.Request(base.resolve("town"), "test", "", false, false,
                Git.ENV));
        return new TownFixture(base, remote, town);
    }

    /** A town with the rig {@value #RIG} on the fixture's origin. */
    public static TownFixture withRig(Path base) throws IOException {
        TownFixture f = bare(base);
        RigSetup.add(f.town, RIG, f.remote.toString(), null, "overseer");
        return f;
    }

    public Rig rig() {
        return Rig.load(town, RIG);
    }

    public Ledger ledger(Address as) {
        return new Ledger(town, as.toString(), "");
    }

    /** The environment an agent gets, plus the fixed git identity of the tests. */
    public Map<String, String> env(Address a) {
        Map<String, String> env = new HashMap<>(Git.ENV);
        env.putAll(Identities.environment(town, a));
        return env;
    }

    /** A clone of origin, for checking what the remote holds. */
    public Path cloneOfOrigin(String name) {
        Path dir = base.resolve(name);
        Git.run(base, "clone", "-q", remote.toString(), dir.toString());
        return dir;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
