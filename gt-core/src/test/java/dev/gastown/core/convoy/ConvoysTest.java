package dev.gastown.core.convoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.Updates;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.Hooks;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvoysTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Convoys convoys;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.MAYOR);
        convoys = new Convoys(ledger);
    }

    private String issue(String title) {
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        return ledger.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title)).id());
    }

    private void close(String id) {
        BeadsContext store = ledger.owning(id);
        ledger.write(store, tx -> Closing.close(tx, store, id, "done", false));
    }

    private Status status(String id) {
        return ledger.read(ledger.owning(id), v -> v.get(id)).status();
    }

    private List<Message> landingMails(Address to) {
        return new Mailboxes(ledger).inbox(to, true).stream()
                .filter(m -> m.subject().startsWith("🚚 Convoy landed")).toList();
    }

    @Test
    void aNameThenIssuesOrOnlyIssuesNamedByTheFirst() {
        String a = issue("Fix login");
        String b = issue("Add validation");
        Convoys.Created named = convoys.create(List.of("Auth fixes", a, b), null);
        assertThat(named.title()).isEqualTo("Auth fixes");
        assertThat(named.issues()).containsExactly(a, b);
        assertThat(named.id()).startsWith("hq-cv-").hasSize(11);
        Convoys.Created unnamed = convoys.create(List.of(b, a), "mayor");
        assertThat(unnamed.title()).isEqualTo("Add validation");
        assertThat(unnamed.issues()).containsExactly(b, a);
        assertThat(unnamed.notifyAddress()).contains(Address.MAYOR);
        Convoy c = new ConvoyQueries(ledger).get(unnamed.id());
        assertThat(c.notifyAddress()).isEqualTo("mayor/");
        assertThat(c.tracked()).extracting(TrackedIssue::id).containsExactly(b, a);
        assertThat(new EventLog(f.town).readAll()).extracting(Event::type).contains("convoy_created");
    }

    @Test
    void whatLooksLikeAnIssueId() {
        assertThat(convoys.looksLikeIssueId("ga-x1")).isTrue();
        assertThat(convoys.looksLikeIssueId("hq-cv-abcde")).isTrue();
        assertThat(convoys.looksLikeIssueId("gt-abc")).isTrue();
        assertThat(convoys.looksLikeIssueId("abc-12")).isTrue();
        assertThat(convoys.looksLikeIssueId("Release prep")).isFalse();
        assertThat(convoys.looksLikeIssueId("release-prep")).isFalse();
        assertThat(convoys.looksLikeIssueId("ga-")).isFalse();
    }

    @Test
    void unknownIssuesAndAddressesAreRefusedAndNothingIsWritten() {
        String a = issue("A");
        assertThatThrownBy(() -> convoys.create(List.of("X", a, "ga-nope"), null)).isInstanceOf(GtException.class)
                .hasMessageContaining("ga-nope");
        assertThatThrownBy(() -> convoys.create(List.of("X", a, "zz-1"), null)).hasMessageContaining("zz-1")
                .hasMessageContaining("no route");
        assertThatThrownBy(() -> convoys.create(List.of("X", a), "gastown/witnes"))
                .hasMessageContaining("gastown/witness");
        assertThat(new ConvoyQueries(ledger).all()).isEmpty();
        String cv = convoys.create(List.of("X", a), null).id();
        assertThatThrownBy(() -> convoys.track(cv, List.of("ga-nope"))).hasMessageContaining("ga-nope");
        assertThatThrownBy(() -> convoys.track("hq-cv-zzzzz", List.of(a))).hasMessageContaining("no convoy");
        assertThat(new ConvoyQueries(ledger).get(cv).total()).isEqualTo(1);
    }

    @Test
    void addingToALandedConvoyReopensIt() {
        String a = issue("A");
        String cv = convoys.create(List.of("Batch", a), null).id();
        close(a);
        assertThat(new ConvoyLanding(ledger).afterClose(List.of(a))).hasSize(1);
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        String b = issue("B");
        assertThat(convoys.track(cv, List.of(b))).isTrue();
        assertThat(status(cv)).isEqualTo(Status.OPEN);
        assertThat(new ConvoyQueries(ledger).get(cv).tracked()).extracting(TrackedIssue::id).containsExactly(a, b);
        assertThat(convoys.track(cv, List.of(b))).isFalse();
        assertThat(new ConvoyQueries(ledger).get(cv).total()).isEqualTo(2);
    }

    @Test
    void landingWaitsForTheLastIssueThenClosesMailsAndLogsOnce() {
        String a = issue("A");
        String b = issue("B");
        String cv = convoys.create(List.of("Batch", a, b), "mayor/").id();
        close(a);
        ConvoyLanding landing = new ConvoyLanding(ledger);
        assertThat(landing.afterClose(List.of(a))).isEmpty();
        assertThat(landing.check(cv)).isEmpty();
        close(b);
        List<ConvoyLanding.Landed> landed = landing.afterClose(List.of(b));
        assertThat(landed).extracting(ConvoyLanding.Landed::convoyId).containsExactly(cv);
        assertThat(landed.get(0).issues()).containsExactly(a, b);
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        assertThat(landing.afterClose(List.of(a, b))).isEmpty();
        assertThat(landing.checkAll()).isEmpty();
        assertThat(landingMails(Address.MAYOR)).hasSize(1).first()
                .satisfies(m -> assertThat(m.body()).contains(cv));
        assertThat(new EventLog(f.town).readAll()).filteredOn(e -> e.type().equals("convoy_landed")).hasSize(1);
    }

    @Test
    void checkAllLandsWhatClosedBehindItsBackAndLeavesEmptyConvoysOpen() {
        String a = issue("A");
        String done = convoys.create(List.of("Done", a), null).id();
        String empty = convoys.create(List.of("Empty"), null).id();
        close(a);
        assertThat(new ConvoyLanding(ledger).checkAll()).extracting(ConvoyLanding.Landed::convoyId)
                .containsExactly(done);
        assertThat(status(empty)).isEqualTo(Status.OPEN);
    }

    @Test
    void edgesInTheLaterOriginalsExternalFormTrackThePlainId() {
        String a = issue("A");
        String cv = convoys.create(List.of("Imported"), null).id();
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> Dependencies.addAcrossStores(tx, hq, cv, "external:gastown:" + a,
                DependencyType.TRACKS));
        assertThat(new ConvoyQueries(ledger).get(cv).tracked()).extracting(TrackedIssue::id).containsExactly(a);
        close(a);
        assertThat(new ConvoyLanding(ledger).checkAll()).extracting(ConvoyLanding.Landed::convoyId)
                .containsExactly(cv);
    }

    @Test
    void openConvoysAreNumberedOldestFirstAndLandedOnesListedAfter() {
        String a = issue("A");
        String b = issue("B");
        String first = convoys.create(List.of("First", a), null).id();
        String second = convoys.create(List.of("Second", b), null).id();
        String third = convoys.create(List.of("Third", issue("C")), null).id();
        close(a);
        new ConvoyLanding(ledger).afterClose(List.of(a));
        close(b);
        new ConvoyLanding(ledger).afterClose(List.of(b));
        ConvoyQueries q = new ConvoyQueries(ledger);
        assertThat(q.open()).extracting(Convoy::id).containsExactly(third);
        assertThat(q.all()).extracting(Convoy::id).containsExactly(third, second, first);
        assertThat(q.get("1").id()).isEqualTo(third);
        assertThatThrownBy(() -> q.get("2")).hasMessageContaining("no open convoy number 2");
        assertThatThrownBy(() -> q.get("hq-nope")).hasMessageContaining("no convoy hq-nope");
        assertThat(q.get(first).landed()).isTrue();
        assertThat(q.get(first).completed()).isEqualTo(1);
    }

    @Test
    void statusShowsEachIssuesStateAssigneeWorkerAndBlocking() {
        String a = issue("A");
        String b = issue("B");
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        ledger.write(rig, tx -> Dependencies.add(tx, rig, b, a,
                DependencyType.BLOCKS, ""));
        String cv = convoys.create(List.of("Batch", a, b), null).id();
        Address crew = new Address.Crew(TownFixture.RIG, "max");
        new Hooks(ledger).hook(crew, a, false);
        Convoy c = new ConvoyQueries(ledger).get(cv);
        TrackedIssue ta = c.tracked().get(0);
        assertThat(ta.status()).isEqualTo("hooked");
        assertThat(ta.assignee()).isEqualTo("gastown/crew/max");
        assertThat(ta.worker()).isEqualTo("gastown/crew/max");
        assertThat(ta.rig()).isEqualTo(TownFixture.RIG);
        assertThat(c.tracked().get(1).blocked()).isTrue();
        assertThat(c.toJson().string("id")).isEqualTo(cv);
        assertThat(c.toJson().get("completed").asLong()).isZero();
        assertThat(c.toJson().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void strandedWorkIsReadyUnblockedAndHeldByNobodyAlive() throws Exception {
        String free = issue("Nobody has it");
        String blocked = issue("Waits");
        String gone = issue("Held by a nuked polecat");
        String dead = issue("Held by a dead mayor");
        String person = issue("Held by a person");
        String alive = issue("Held by the mayor");
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        ledger.write(rig, tx -> {
            Dependencies.add(tx, rig, blocked, free,
                    DependencyType.BLOCKS, "");
            Updates.apply(tx, rig, gone, new IssueUpdate().status(Status.HOOKED).assignee("gastown/polecats/ace"));
            Updates.apply(tx, rig, dead, new IssueUpdate().status(Status.IN_PROGRESS).assignee("mayor/"));
            Updates.apply(tx, rig, person, new IssueUpdate().assignee("steve"));
            return null;
        });
        String cv = convoys.create(List.of("Work", free, blocked, gone, dead, person), null).id();
        convoys.create(List.of("Fine", alive), null);
        ledger.write(rig, tx -> Updates.apply(tx, rig, alive, new IssueUpdate().assignee("deacon/")));
        new Agents(ledger).setState(Address.MAYOR, AgentState.DEAD);

        List<StrandedConvoy> stranded = new ConvoyQueries(ledger).stranded();
        assertThat(stranded).hasSize(1);
        StrandedConvoy s = stranded.get(0);
        assertThat(s.convoy().id()).isEqualTo(cv);
        assertThat(s.ready()).extracting(i -> i.issue().id() + " " + i.reason().key())
                .containsExactly(free + " unassigned", gone + " assignee-gone", dead + " assignee-dead");
        assertThat(s.toJson().get("ready_count").asLong()).isEqualTo(3);
        assertThat(s.toJson().get("tracked_count").asLong()).isEqualTo(5);
    }
}
