package dev.gastown.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationsTest {
    private static final Address WITNESS = new Address.Witness(TownFixture.RIG);

    @TempDir
    Path tmp;

    TownFixture f;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
    }

    private Escalations.Escalated escalate(Address from, Severity s) {
        Ledger ledger = f.ledger(from);
        return new Escalations(ledger, new Mailboxes(ledger)).escalate(from, " merge conflict in ga-1 ", s,
                "cannot rebase");
    }

    @Test
    void anEscalationIsABeadMailToTheOverseerAndTheMayorAndAnEvent() {
        Escalations.Escalated e = escalate(WITNESS, Severity.HIGH);
        Ledger ledger = f.ledger(Address.OVERSEER);
        Issue bead = ledger.read(ledger.hq(), v -> v.get(e.beadId()));
        assertThat(bead.title()).isEqualTo("[ESCALATION] merge conflict in ga-1");
        assertThat(bead.issueType()).isEqualTo(IssueType.TASK);
        assertThat(bead.labels()).containsExactly("escalation");
        assertThat(bead.priority()).isEqualTo(1);
        assertThat(Fields.get(bead.description(), "escalated_by")).contains("gastown/witness");
        assertThat(bead.description()).endsWith("cannot rebase");

        Mailboxes mail = new Mailboxes(ledger);
        assertThat(e.mailed()).extracting(Message::to).containsExactly("overseer", "mayor/");
        for (Address to : new Address[] {Address.OVERSEER, Address.MAYOR}) {
            Message m = mail.inbox(to, false).get(0);
            assertThat(m.subject()).isEqualTo("[ESCALATION] merge conflict in ga-1");
            assertThat(m.priority()).isEqualTo(1);
            assertThat(m.body()).contains("Bead: " + e.beadId()).contains("cannot rebase");
            assertThat(m.ephemeral()).isFalse();
        }
        Event event = new EventLog(f.town).readAll().stream().filter(x -> x.type().equals("escalation_sent"))
                .findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo("gastown/witness");
        assertThat(event.payload().string("id")).isEqualTo(e.beadId());
        assertThat(event.payload().string("severity")).isEqualTo("HIGH");
    }

    @Test
    void theMayorEscalatingMailsOnlyTheOverseer() {
        Escalations.Escalated e = escalate(Address.MAYOR, Severity.CRITICAL);
        assertThat(e.mailed()).extracting(Message::to).containsExactly("overseer");
        assertThat(e.mailed().get(0).priority()).isZero();
    }

    @Test
    void severitiesParseAndUnknownOnesAreRefused() {
        assertThat(Severity.parse("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.MEDIUM.priority()).isEqualTo(2);
        assertThatThrownBy(() -> Severity.parse("LOW")).hasMessageContaining("CRITICAL, HIGH or MEDIUM");
    }
}
