package dev.gastown.core.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.testing.FakeAgents;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.workers.Polecats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Witness's sweep on real tmux and git: stuck polecats are nudged, then escalated; stranded work re-slung once. */
class WitnessSweepTest {
    static final Duration STUCK = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    TownFixture f;
    AgentSessions sessions;
    WitnessSweep sweep;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        sessions = FakeAgents.running(f, "printf '❯ '; exec sleep 1000", new JsonObject());
        sweep = new WitnessSweep(sessions, new FormulaPours(f.town.root(), null), STUCK);
    }

    @AfterEach
    void killServer() {
        TownTmux.of(f.town).killServer();
    }

    @Test
    void aPolecatWithoutProgressIsNudgedOncePerPeriodThenEscalatedOnce() {
        Address.Polecat p = FakeAgents.slingNewIssue(f, "Some work");
        sessions.ensure(p, Address.OVERSEER, "test");
        Instant t0 = Instant.now();
        assertThat(sweep.sweep(TownFixture.RIG, t0)).noneMatch(a -> a.target().equals(p.toString()));
        assertThat(sweep.sweep(TownFixture.RIG, t0.plus(STUCK).plusSeconds(5))).extracting(WitnessSweep.Action::kind)
                .containsExactly("nudge");
        assertThat(sweep.sweep(TownFixture.RIG, t0.plus(STUCK).plusSeconds(30))).isEmpty();
        assertThat(sweep.sweep(TownFixture.RIG, t0.plus(STUCK.multipliedBy(2)).plusSeconds(40)))
                .extracting(WitnessSweep.Action::kind).containsExactly("escalate");
        assertThat(sweep.sweep(TownFixture.RIG, t0.plus(STUCK.multipliedBy(2)).plusSeconds(50)))
                .extracting(WitnessSweep.Action::kind).doesNotContain("escalate");
        assertThat(new Mailboxes(sessions.ledger()).inbox(Address.OVERSEER, false)).extracting(Message::subject)
                .filteredOn(s -> s.contains("stuck polecat: " + p)).hasSize(1);
    }

    @Test
    void strandedWorkIsReslungOnceThenEscalated() {
        Address.Polecat gone = FakeAgents.slingNewIssue(f, "Orphaned work");
        Ledger ledger = sessions.ledger();
        String issue = new Hooks(ledger).find(gone).orElseThrow().id();
        new Polecats(ledger).nuke(gone, true);
        Address witness = new Address.Witness(TownFixture.RIG);
        Mailboxes mail = new Mailboxes(ledger);
        mail.send(Outgoing.notice(Address.DEACON, witness, "STRANDED: " + issue, "convoy hq-cv-x"));

        List<WitnessSweep.Action> first = sweep.sweep(TownFixture.RIG, Instant.now());
        assertThat(first).extracting(WitnessSweep.Action::kind).contains("resling");
        Issue after = ledger.read(ledger.owning(issue), v -> v.get(issue));
        Address fresh = Address.parse(after.assignee());
        assertThat(f.town.home(fresh)).isDirectory();
        assertThat(new Hooks(ledger).find(fresh).orElseThrow().id()).isEqualTo(issue);
        assertThat(sessions.running(fresh)).isPresent();
        assertThat(after.notes()).contains(StrandedResling.MARK);

        mail.send(Outgoing.notice(Address.DEACON, witness, "STRANDED: " + issue, "again"));
        assertThat(sweep.sweep(TownFixture.RIG, Instant.now())).extracting(WitnessSweep.Action::kind)
                .contains("escalate").doesNotContain("resling");
        assertThat(mail.inbox(Address.OVERSEER, false)).extracting(Message::subject)
                .anyMatch(s -> s.contains("stranded twice: " + issue));
    }
}
