package dev.gastown.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.mol.WispGc;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.query.Descendants;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant of wisp collection: nothing anyone holds is touched, however old. Every molecule here is old
 * (the sweep runs "two days from now"), so age alone would collect them all.
 */
class WispSweepTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    FormulaPours formulas;
    BeadsContext hq;
    BeadsContext rig;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.DEACON);
        formulas = new FormulaPours(f.town.root(), null);
        hq = ledger.hq();
        rig = ledger.rig(TownFixture.RIG);
    }

    private Poured wisp(BeadsContext store) {
        return formulas.pour(store, "towers-of-hanoi", Map.of("disks", "2"), Map.of(), true, "");
    }

    private Sling sling(Address as) {
        return new Sling(ledger, formulas, as);
    }

    private boolean exists(BeadsContext store, String id) {
        return ledger.read(store, v -> v.contains(id));
    }

    private WispSweep.Report sweep(boolean dryRun) {
        return new WispSweep(ledger).run(DAY, dryRun, Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void heldMoleculesSurviveAndAbandonedOrFinishedOnesGo() {
        // the Deacon's patrol: a wisp whose root is hooked on the Deacon
        String patrol = sling(Address.DEACON).sling(new SlingRequest(List.of("towers-of-hanoi"), "deacon/",
                Map.of("disks", "2"), "", "", true, "", false)).get(0).beadId();
        // a molecule someone is working through: one step in progress, nothing hooked
        Poured working = wisp(rig);
        ledger.write(rig, tx -> Updates.apply(tx, rig, working.ids().get(1), new IssueUpdate().claim()));
        // a polecat's issue, hooked in the rig's store, driven by a workflow wisp attached to it: the wisp's own
        // issues are all open and untouched, only the hook reaches it
        String issue = ledger.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue("Fix the build")).id());
        Address polecat = sling(Address.MAYOR).sling(new SlingRequest(List.of(issue), TownFixture.RIG, Map.of(),
                "", "", true, "", false)).get(0).agent();
        String attached = new Hooks(ledger).find(polecat).flatMap(Hooked::molecule).orElseThrow();
        // nobody's: abandoned in the rig's store, and finished-and-squashed in the town's
        Poured abandoned = wisp(rig);
        Poured squashed = wisp(hq);
        Squashing.Squashed digest = ledger.write(hq, tx -> Squashing.squash(tx, hq, squashed.rootId(), "ok", false));

        WispSweep.Report dry = sweep(true);
        assertThat(dry.collected()).isEqualTo(2);
        assertThat(exists(rig, abandoned.rootId())).as("a dry run removes nothing").isTrue();

        WispSweep.Report r = sweep(false);
        assertThat(r.stores().get("hq").collected()).extracting(WispGc.Collected::rootId, WispGc.Collected::reason)
                .containsExactly(tuple(squashed.rootId(), WispGc.Reason.CLOSED));
        assertThat(r.stores().get("hq").kept()).extracting(WispGc.Kept::rootId, WispGc.Kept::hold)
                .containsExactly(tuple(patrol, WispGc.Hold.ACTIVE));
        assertThat(r.stores().get(TownFixture.RIG).collected()).extracting(WispGc.Collected::rootId,
                WispGc.Collected::reason).containsExactly(tuple(abandoned.rootId(),
                        WispGc.Reason.ABANDONED));
        assertThat(r.stores().get(TownFixture.RIG).kept()).extracting(WispGc.Kept::rootId, WispGc.Kept::hold)
                .containsExactlyInAnyOrder(tuple(working.rootId(),
                        WispGc.Hold.ACTIVE), tuple(attached, WispGc.Hold.ON_A_HOOK));

        List<String> patrolSteps = ledger.read(hq, v -> List.copyOf(
                Descendants.of(v, patrol)));
        assertThat(patrolSteps).isNotEmpty().allMatch(id -> exists(hq, id));
        assertThat(working.ids()).allMatch(id -> exists(rig, id));
        List<String> attachedSteps = ledger.read(rig, v -> List.copyOf(
                Descendants.of(v, attached)));
        assertThat(attachedSteps).isNotEmpty().allMatch(id -> exists(rig, id));
        assertThat(exists(rig, attached)).isTrue();
        assertThat(abandoned.ids()).noneMatch(id -> exists(rig, id));
        assertThat(exists(hq, squashed.rootId())).isFalse();
        assertThat(exists(hq, digest.digestId())).as("the squash digest is permanent").isTrue();
        assertThat(r.deleted()).isEqualTo(abandoned.ids().size() + 1);
    }

    @Test
    void recentOpenWorkIsKeptAndFinishedWorkGoesAtOnce() {
        Poured fresh = wisp(rig);
        Poured done = wisp(rig);
        ledger.write(rig, tx -> {
            done.ids().forEach(id -> Closing.close(tx, rig, id, "done", true));
            return null;
        });
        WispSweep.Report r = new WispSweep(ledger).run(DAY, false, Instant.now());
        assertThat(r.stores().get(TownFixture.RIG).kept()).extracting(WispGc.Kept::rootId, WispGc.Kept::hold)
                .containsExactly(tuple(fresh.rootId(), WispGc.Hold.RECENT));
        assertThat(r.stores().get(TownFixture.RIG).collected()).extracting(WispGc.Collected::rootId)
                .containsExactly(done.rootId());
        assertThat(fresh.ids()).allMatch(id -> exists(rig, id));
        assertThat(new WispSweep(ledger).run(DAY, false, Instant.now()).collected()).isZero();
    }
}
