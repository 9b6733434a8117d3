package dev.gastown.core.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.town.Identities;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import dev.gastown.core.work.Slung;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DogsTest {
    private static final Address.Dog ALPHA = new Address.Dog("alpha");
    private static final Address.Dog BRAVO = new Address.Dog("bravo");

    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Dogs dogs;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.bare(tmp);
        ledger = f.ledger(Address.DEACON);
        dogs = new Dogs(ledger);
    }

    private String task(String title) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue(title)).id());
    }

    private Slung sling(String item, String target) {
        return new Sling(ledger, new FormulaPours(f.town.root(), null), Address.DEACON).sling(new SlingRequest(
                List.of(item), target, Map.of("disks", "2"), "", "", true, "", false)).get(0);
    }

    @Test
    void aDogIsAHomeUnderTheDeaconAndAnIdleAgentBead() {
        Dogs.Dog rex = dogs.add("rex");
        assertThat(rex.home()).isEqualTo(f.town.dogsDir().resolve("rex")).isDirectory();
        assertThat(new Agents(ledger).get(rex.address()).state()).isEqualTo(AgentState.IDLE);
        assertThat(new Agents(ledger).get(rex.address()).beadId()).isEqualTo("hq-dog-rex");
        assertThat(new Directory(f.town).resolve("deacon/dogs/rex")).isEqualTo(rex.address());
        assertThat(Identities.fromDirectory(f.town, rex.home())).isEqualTo(rex.address());
        assertThat(Identities.environment(f.town, rex.address())).containsEntry("GT_ROLE", "deacon/dogs/rex")
                .containsEntry("GT_DOG", "rex").containsEntry("BEADS_DIR", f.town.beads().path().toString());
        assertThat(dogs.list()).singleElement().satisfies(s -> {
            assertThat(s.idle()).isTrue();
            assertThat(s.toJson().string("address")).isEqualTo("deacon/dogs/rex");
        });
    }

    @Test
    void badOrTakenNamesAreRefusedAndNothingIsLeftBehind() {
        dogs.add("rex");
        assertThatThrownBy(() -> dogs.add("rex")).isInstanceOf(GtException.class).hasMessageContaining("already");
        assertThatThrownBy(() -> dogs.add("Rex-1")).isInstanceOf(GtException.class).hasMessageContaining("invalid");
        assertThatThrownBy(() -> dogs.add("boot")).isInstanceOf(GtException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> dogs.add("role")).as("hq-dog-role is the role bead")
                .isInstanceOf(GtException.class).hasMessageContaining("reserved");
        assertThat(dogs.list()).extracting(s -> s.dog().name()).containsExactly("rex");
        assertThat(new Agents(ledger).all()).extracting(a -> a.address().toString()).filteredOn(a -> a.contains("dogs"))
                .containsExactly("deacon/dogs/rex");
    }

    @Test
    void slingingToTheKennelTakesAnIdleDogOrAddsTheNextFromThePool() {
        String first = task("Sweep A");
        Slung a = sling(first, "deacon/dogs");
        assertThat(a.agent()).isEqualTo(ALPHA);
        assertThat(new Hooks(ledger).find(ALPHA)).map(Hooked::id).contains(first);
        assertThat(new Agents(ledger).get(ALPHA).state()).isEqualTo(AgentState.RUNNING);

        Slung b = sling(task("Sweep B"), "deacon/dogs/");
        assertThat(b.agent()).as("alpha is busy").isEqualTo(BRAVO);
        assertThat(dogs.list()).extracting(Dogs.Status::idle).containsExactly(false, false);

        ledger.write(ledger.hq(), tx -> Closing.close(tx, ledger.hq(), first, "done", false));
        Slung c = sling("towers-of-hanoi", "deacon/dogs");
        assertThat(c.agent()).as("alpha's work is finished, so alpha is idle again").isEqualTo(ALPHA);
        Hooked formula = new Hooks(ledger).find(ALPHA).orElseThrow();
        assertThat(formula.bead().ephemeral()).isTrue();
        assertThat(formula.molecule()).contains(formula.id());
        assertThat(dogs.list()).extracting(s -> s.dog().name()).containsExactly("alpha", "bravo");
    }

    @Test
    void thePoolRunsOutOfNamesIntoNumberedDogs() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Dogs.NAMES.size() + 2; i++) {
            names.add(sling(task("Job " + i), "deacon/dogs").agent().name().orElseThrow());
        }
        assertThat(names).startsWith("alpha", "bravo", "charlie").endsWith("hotel", "dog9", "dog10");
    }

    @Test
    void aNamedDogTakesWorkOnlyWhenItsHookIsFreeAndUnknownDogsAreRefused() {
        dogs.add("rex");
        String one = task("One");
        assertThat(sling(one, "deacon/dogs/rex").agent()).isEqualTo(new Address.Dog("rex"));
        assertThatThrownBy(() -> sling(task("Two"), "deacon/dogs/rex")).isInstanceOf(GtException.class)
                .hasMessageContaining(one);
        assertThatThrownBy(() -> sling(task("Three"), "deacon/dogs/fido")).isInstanceOf(GtException.class)
                .hasMessageContaining("unknown address").hasMessageContaining("deacon/dogs/rex");
        assertThatThrownBy(() -> sling("no-such-thing", "deacon/dogs")).hasMessageContaining("neither a bead");
        assertThat(dogs.list()).as("bad input adds no dog").hasSize(1);
    }

    @Test
    void removeRefusesADogWithWorkUnlessForcedAndThenReleasesTheWork() {
        String work = task("Sweep");
        sling(work, "deacon/dogs");
        List<Address> stopped = new ArrayList<>();
        assertThatThrownBy(() -> dogs.remove("alpha", false, stopped::add)).isInstanceOf(GtException.class)
                .hasMessageContaining(work).hasMessageContaining("--force");
        assertThat(stopped).isEmpty();
        assertThat(f.town.dogsDir().resolve("alpha")).isDirectory();

        dogs.remove("alpha", true, stopped::add);
        assertThat(stopped).containsExactly(ALPHA);
        assertThat(f.town.dogsDir().resolve("alpha")).doesNotExist();
        assertThat(ledger.read(ledger.hq(), v -> v.get(work)).status()).isEqualTo(Status.OPEN);
        assertThat(ledger.read(ledger.hq(), v -> v.get(AgentBeadIds.of(ALPHA))).status()).isEqualTo(Status.CLOSED);
        assertThat(new Directory(f.town).exists(ALPHA)).isFalse();
        assertThatThrownBy(() -> dogs.remove("alpha", false, stopped::add)).hasMessageContaining("no dog");

        assertThat(sling(work, "deacon/dogs").agent()).as("a removed name comes back").isEqualTo(ALPHA);
        assertThat(new Agents(ledger).get(ALPHA).state()).isEqualTo(AgentState.RUNNING);
    }
}
