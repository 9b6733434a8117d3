package dev.gastown.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.workers.Polecats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlingTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.MAYOR);
    }

    private String issue(String title) {
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        return ledger.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title)).id());
    }

    private Sling sling() {
        return new Sling(ledger, new FormulaPours(f.town.root(), null), Address.MAYOR);
    }

    private static SlingRequest request(List<String> items, String target) {
        return new SlingRequest(items, target, Map.of(), "", "", false, "", false);
    }

    @Test
    void aBeadSlungToARigGetsAFreshPolecatItsWorkflowAndAConvoy() {
        String id = issue("Add greeting");
        Slung s = sling().sling(request(List.of(id), TownFixture.RIG)).get(0);
        assertThat(s.spawned()).isTrue();
        assertThat(s.agent()).isEqualTo(new Address.Polecat("gastown", "furiosa"));
        assertThat(Path.of(s.workdir()).resolve("README")).isRegularFile();
        Hooked h = new Hooks(ledger).find(s.agent()).orElseThrow();
        assertThat(h.id()).isEqualTo(id);
        assertThat(h.bead().status()).isEqualTo(Status.HOOKED);
        assertThat(h.molecule()).isEqualTo(s.molecule());
        HookView view = HookView.of(s.agent(), new Hooks(ledger).find(s.agent()));
        assertThat(view.step().orElseThrow().title()).isEqualTo("Load your role and your hook");
        assertThat(new Convoys(ledger).trackedBy(id)).isEqualTo(s.convoy()).isPresent();
        assertThat(new Agents(ledger).get(s.agent()).state()).isEqualTo(AgentState.RUNNING);
    }

    @Test
    void severalBeadsAndARigGiveOnePolecatEach() {
        List<Slung> slung = sling().sling(request(List.of(issue("A"), issue("B"), issue("C")), TownFixture.RIG));
        assertThat(slung).extracting(s -> s.agent().name().orElseThrow()).containsExactly("furiosa", "nux", "slit");
        assertThat(new Polecats(ledger).list(TownFixture.RIG)).hasSize(3);
    }

    @Test
    void aFormulaGoesOnTheCallersHookAsAWisp() {
        Slung s = sling().sling(new SlingRequest(List.of("towers-of-hanoi"), ".", Map.of("disks", "2"),
                "look at main", "", false, "", false)).get(0);
        assertThat(s.agent()).isEqualTo(Address.MAYOR);
        Hooked h = new Hooks(ledger).find(Address.MAYOR).orElseThrow();
        assertThat(h.molecule()).contains(h.id());
        assertThat(h.args()).contains("look at main");
    }

    @Test
    void unfinishedWorkIsNotReplacedWithoutForce() {
        String a = issue("A");
        String b = issue("B");
        Address crew = Address.MAYOR;
        new Hooks(ledger).hook(crew, a, false);
        assertThatThrownBy(() -> new Hooks(ledger).hook(crew, b, false)).isInstanceOf(GtException.class)
                .hasMessageContaining(a);
        new Hooks(ledger).hook(crew, b, true);
        assertThat(ledger.read(ledger.owning(a), v -> v.get(a)).status()).isEqualTo(Status.OPEN);
        assertThat(new Hooks(ledger).unhook(crew)).map(Hooked::id).contains(b);
        assertThat(new Hooks(ledger).find(crew)).isEmpty();
    }

    @Test
    void unknownTargetsAndWorkAreRefusedWithSuggestions() {
        String id = issue("A");
        assertThatThrownBy(() -> sling().sling(request(List.of(id), "gastown/witnes")))
                .isInstanceOf(GtException.class).hasMessageContaining("gastown/witness");
        assertThatThrownBy(() -> sling().sling(request(List.of("no-such-thing"), ".")))
                .hasMessageContaining("neither a bead nor a formula");
    }

    @Test
    void nukeRefusesUnmergedWorkUnlessForced() throws Exception {
        String id = issue("A");
        Slung s = sling().sling(request(List.of(id), TownFixture.RIG)).get(0);
        Address.Polecat p = (Address.Polecat) s.agent();
        Path wt = Path.of(s.workdir());
        Files.writeString(wt.resolve("hello.txt"), "hi\n");
        Polecats polecats = new Polecats(ledger);
        assertThatThrownBy(() -> polecats.nuke(p, false)).hasMessageContaining("uncommitted");
        Git.run(wt, "add", "hello.txt");
        Git.run(wt, "commit", "-q", "-m", "hello");
        assertThatThrownBy(() -> polecats.nuke(p, false)).hasMessageContaining("not on main");
        new Hooks(ledger).unhook(p);
        polecats.nuke(p, true);
        assertThat(wt).doesNotExist();
        assertThat(polecats.list(TownFixture.RIG)).isEmpty();
        String again = issue("B");
        assertThat(sling().sling(request(List.of(again), TownFixture.RIG)).get(0).agent()).isEqualTo(p);
    }
}
