package dev.gastown.core.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookedMoleculesTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Address crew;
    Ledger ledger;
    BeadsContext rig;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        crew = new Address.Crew(TownFixture.RIG, "max");
        ledger = f.ledger(crew);
        rig = ledger.rig(TownFixture.RIG);
    }

    private String create(NewIssue n) {
        return ledger.write(rig, tx -> IssueFactory.create(tx, rig, n).id());
    }

    /** A molecule root with steps a → b → c (each blocks the next); returns root, a, b, c. */
    private List<String> chain(boolean wisp) {
        String root = create(new NewIssue("job").type(IssueType.EPIC).ephemeral(wisp));
        String a = create(new NewIssue("a").link(DependencyType.PARENT_CHILD, root).ephemeral(wisp));
        String b = create(new NewIssue("b").link(DependencyType.PARENT_CHILD, root).link(DependencyType.BLOCKS, a)
                .ephemeral(wisp));
        String c = create(new NewIssue("c").link(DependencyType.PARENT_CHILD, root).link(DependencyType.BLOCKS, b)
                .ephemeral(wisp));
        return List.of(root, a, b, c);
    }

    private boolean exists(String id) {
        return ledger.read(rig, v -> v.contains(id));
    }

    private Status status(String id) {
        return ledger.read(rig, v -> v.get(id)).status();
    }

    @Test
    void stepDoneClaimsTheNextStepThenCompletesAndTakesTheHookedMoleculeOffTheHook() {
        List<String> m = chain(true);
        new Hooks(ledger).hook(crew, m.get(0), false);
        HookedMolecules mols = new HookedMolecules(ledger);

        HookedMolecules.StepDone first = mols.stepDone(m.get(1));
        assertThat(first.action()).isEqualTo(HookedMolecules.Action.CONTINUE);
        assertThat(first.next().orElseThrow().id()).isEqualTo(m.get(2));
        assertThat(status(m.get(1))).isEqualTo(Status.CLOSED);
        assertThat(status(m.get(2))).isEqualTo(Status.IN_PROGRESS);
        assertThat(ledger.read(rig, v -> v.get(m.get(2))).assignee()).isEqualTo(crew.toString());
        assertThat(first.toJson().keys()).containsExactly("step_id", "molecule_id", "step_closed", "next_step_id",
                "next_step_title", "complete", "action");
        assertThat(first.toJson().string("action")).isEqualTo("continue");

        HookedMolecules.StepDone repeated = mols.stepDone(m.get(1));
        assertThat(repeated.stepClosed()).isFalse();
        assertThat(repeated.next().orElseThrow().id()).isEqualTo(m.get(2));

        mols.stepDone(m.get(2));
        HookedMolecules.StepDone last = mols.stepDone(m.get(3));
        assertThat(last.action()).isEqualTo(HookedMolecules.Action.COMPLETE);
        assertThat(last.toJson().keys()).containsExactly("step_id", "molecule_id", "step_closed", "complete",
                "action");
        assertThat(last.unhooked()).contains(crew);
        assertThat(status(m.get(0))).isEqualTo(Status.CLOSED);
        assertThat(new Hooks(ledger).find(crew)).isEmpty();
        assertThat(new Agents(ledger).get(crew).hook()).isEmpty();
    }

    @Test
    void aStepWaitingOnSomethingOutsideTheMoleculeMeansWait() {
        List<String> m = chain(false);
        String outside = create(new NewIssue("outside"));
        String d = create(new NewIssue("d").link(DependencyType.PARENT_CHILD, m.get(0))
                .link(DependencyType.BLOCKS, outside));
        HookedMolecules mols = new HookedMolecules(ledger);
        mols.stepDone(m.get(1));
        mols.stepDone(m.get(2));
        HookedMolecules.StepDone done = mols.stepDone(m.get(3));
        assertThat(done.action()).isEqualTo(HookedMolecules.Action.WAIT);
        assertThat(done.complete()).isFalse();
        assertThat(status(d)).isEqualTo(Status.OPEN);
        assertThat(status(m.get(0))).isEqualTo(Status.OPEN);
    }

    @Test
    void aCompletedMoleculeAttachedToAHookedBeadLeavesTheBeadOnTheHook() {
        List<String> m = chain(true);
        String issue = create(new NewIssue("the issue"));
        Hooks hooks = new Hooks(ledger);
        hooks.hook(crew, issue, false);
        hooks.setField(issue, "attached_molecule", m.get(0));
        HookedMolecules mols = new HookedMolecules(ledger);
        mols.stepDone(m.get(1));
        mols.stepDone(m.get(2));
        HookedMolecules.StepDone last = mols.stepDone(m.get(3));
        assertThat(last.complete()).isTrue();
        assertThat(last.unhooked()).isEmpty();
        assertThat(status(issue)).isEqualTo(Status.HOOKED);
        assertThat(hooks.find(crew).orElseThrow().id()).isEqualTo(issue);
    }

    @Test
    void squashingTheHookedWispLeavesADigestAndAnEmptyHook() {
        List<String> m = chain(true);
        new Hooks(ledger).hook(crew, m.get(0), false);
        var squashed = new HookedMolecules(ledger).squash(crew, "all quiet");
        assertThat(squashed.moleculeId()).isEqualTo(m.get(0));
        assertThat(ledger.read(rig, v -> v.get(squashed.digestId())).description()).isEqualTo("all quiet");
        assertThat(new Hooks(ledger).find(crew)).isEmpty();
        assertThat(exists(m.get(1))).isFalse();
    }

    @Test
    void burningAnAttachedMoleculeDetachesItAndKeepsTheBeadHooked() {
        Slung s = new Sling(f.ledger(Address.MAYOR), new FormulaPours(f.town.root(), null), Address.MAYOR)
                .sling(new SlingRequest(List.of(create(new NewIssue("work"))), TownFixture.RIG, Map.of(), "", "",
                        true, "", false)).get(0);
        Ledger polecat = f.ledger(s.agent());
        String mol = s.molecule().orElseThrow();
        var burned = new HookedMolecules(polecat).burn(s.agent(), false);
        assertThat(burned.moleculeId()).isEqualTo(mol);
        assertThat(exists(mol)).isFalse();
        Hooked h = new Hooks(polecat).find(s.agent()).orElseThrow();
        assertThat(h.id()).isEqualTo(s.beadId());
        assertThat(h.molecule()).isEmpty();
        assertThat(Fields.get(h.bead().description(), "attached_molecule")).isEmpty();
    }

    @Test
    void progressCountsFromTheRootOrAnyStep() {
        List<String> m = chain(false);
        new HookedMolecules(ledger).stepDone(m.get(1));
        var p = new HookedMolecules(ledger).progress(m.get(3));
        assertThat(p.string("molecule_id")).isEqualTo(m.get(0));
        assertThat(p.get("total").asLong()).isEqualTo(3);
        assertThat(p.get("completed").asLong()).isEqualTo(1);
        assertThat(p.string("current_step_id")).isEqualTo(m.get(2));
    }

    @Test
    void misuseIsRefusedWithoutChangingAnything() {
        String lone = create(new NewIssue("lone"));
        assertThatThrownBy(() -> new HookedMolecules(ledger).stepDone(lone)).isInstanceOf(GtException.class)
                .hasMessageContaining("not a step of a molecule");
        assertThat(status(lone)).isEqualTo(Status.OPEN);
        assertThatThrownBy(() -> new HookedMolecules(ledger).squash(crew, "")).hasMessageContaining("nothing is on");
        new Hooks(ledger).hook(crew, lone, false);
        assertThatThrownBy(() -> new HookedMolecules(ledger).burn(crew, false)).hasMessageContaining("no molecule");
        assertThat(status(lone)).isEqualTo(Status.HOOKED);
    }
}
