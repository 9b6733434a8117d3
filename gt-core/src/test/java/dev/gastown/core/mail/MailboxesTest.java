package dev.gastown.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxesTest {
    private static final Address WITNESS = new Address.Witness(TownFixture.RIG);
    private static final Address REFINERY = new Address.Refinery(TownFixture.RIG);
    private static final Address FURIOSA = new Address.Polecat(TownFixture.RIG, "furiosa");
    private static final Address NUX = new Address.Polecat(TownFixture.RIG, "nux");
    private static final Address JOE = new Address.Crew(TownFixture.RIG, "joe");
    private static final Address REX = new Address.Dog("rex");

    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Mailboxes mail;
    final List<Message> notified = new ArrayList<>();

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        for (Path home : List.of(f.town.home(FURIOSA), f.town.home(NUX), f.town.home(JOE), f.town.home(REX))) {
            Files.createDirectories(home);
        }
        ledger = f.ledger(Address.MAYOR);
        mail = new Mailboxes(ledger, notified::add);
    }

    private List<Message> send(Address from, List<String> to, List<String> cc, String subject) {
        Recipients.Resolved r = new Recipients(f.town).resolve(to, cc, from);
        Outgoing letter = new Outgoing(from, r.copies().get(0), subject, "body", Outgoing.NORMAL,
                MessageKind.NOTIFICATION, "", r.cc(), false);
        return mail.sendAll(r.copies().stream().map(letter::to).toList());
    }

    private List<String> recipients(List<Message> sent) {
        return sent.stream().map(Message::to).toList();
    }

    private int messagesStored() {
        return ledger.read(ledger.hq(), v -> {
            int[] n = {0};
            v.forEachIssue(row -> {
                if (row.type().equals(IssueType.MESSAGE)) {
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    @Test
    void aMessageIsUnreadInEveryViewUntilAcknowledgedThenReadInEveryView() {
        Message sent = mail.send(new Outgoing(Address.MAYOR, WITNESS, "POLECAT_DONE furiosa",
                "Exit: COMPLETED\nIssue: ga-1", 1, MessageKind.TASK, "", List.of(), false));
        assertThat(sent.unread()).isTrue();
        assertThat(sent.from()).isEqualTo("mayor/");
        assertThat(sent.to()).isEqualTo("gastown/witness");
        assertThat(sent.kind()).isEqualTo(MessageKind.TASK);
        assertThat(sent.priority()).isEqualTo(1);
        assertThat(sent.thread()).isEqualTo(sent.id());
        assertThat(mail.inbox(WITNESS, false)).containsExactly(sent);
        assertThat(mail.inbox(WITNESS, true)).containsExactly(sent);
        assertThat(mail.get(sent.id())).isEqualTo(sent);
        assertThat(mail.thread(sent.id())).containsExactly(sent);
        assertThat(mail.inbox(Address.MAYOR, true)).isEmpty();

        Message read = mail.ack(sent.id());
        assertThat(read.unread()).isFalse();
        assertThat(mail.inbox(WITNESS, false)).isEmpty();
        assertThat(mail.inbox(WITNESS, true)).containsExactly(read);
        assertThat(mail.get(sent.id())).isEqualTo(read);
        assertThat(mail.ack(sent.id())).isEqualTo(read);
    }

    @Test
    void messagesAreWispsUnlessPermanent() throws Exception {
        Message wisp = mail.send(Outgoing.notice(Address.MAYOR, WITNESS, "wisp", ""));
        Message kept = mail.send(new Outgoing(Address.MAYOR, WITNESS, "kept", "", Outgoing.NORMAL,
                MessageKind.NOTIFICATION, "", List.of(), true));
        assertThat(wisp.ephemeral()).isTrue();
        assertThat(kept.ephemeral()).isFalse();
        String exported = Files.readString(f.town.beads().issuesJsonl());
        assertThat(exported).contains(kept.id()).doesNotContain(wisp.id());
        assertThat(Files.readString(f.town.beads().wispsJsonl())).contains(wisp.id());
    }

    @Test
    void theInboxListsNewestFirstAndOnlyTheRecipientsMail() {
        Message first = mail.send(Outgoing.notice(Address.MAYOR, WITNESS, "first", ""));
        Message second = mail.send(Outgoing.notice(Address.DEACON, WITNESS, "second", ""));
        mail.send(Outgoing.notice(Address.MAYOR, REFINERY, "elsewhere", ""));
        assertThat(mail.inbox(WITNESS, false)).containsExactly(second, first);
    }

    @Test
    void aGroupGetsOneCopyPerMemberSharingOneThreadAndNeverTheSender() {
        List<Message> town = send(WITNESS, List.of("@town"), List.of(), "Town meeting");
        assertThat(recipients(town)).containsExactlyInAnyOrder("mayor/", "deacon/", "deacon/dogs/rex",
                "gastown/refinery", "gastown/polecats/furiosa", "gastown/polecats/nux", "gastown/crew/joe");
        assertThat(town).extracting(Message::thread).containsOnly(town.get(0).id());
        assertThat(mail.thread(town.get(3).id())).hasSize(town.size());

        assertThat(recipients(send(Address.MAYOR, List.of("@polecats/gastown"), List.of(), "p")))
                .containsExactly("gastown/polecats/furiosa", "gastown/polecats/nux");
        assertThat(recipients(send(Address.MAYOR, List.of("@crew/gastown"), List.of(), "c")))
                .containsExactly("gastown/crew/joe");
        assertThat(recipients(send(FURIOSA, List.of("@rig/gastown"), List.of(), "r"))).containsExactly(
                "gastown/witness", "gastown/refinery", "gastown/polecats/nux", "gastown/crew/joe");
        assertThat(recipients(send(Address.MAYOR, List.of("@witnesses", "@refineries", "@dogs", "@overseer"),
                List.of(), "w"))).containsExactly("gastown/witness", "gastown/refinery", "deacon/dogs/rex",
                        "overseer");
    }

    @Test
    void anAddressNamedTwiceGetsOneCopyAndDirectMailToYourselfIsAllowed() {
        assertThat(recipients(send(Address.MAYOR, List.of("mayor/", "@town", "gastown/witness"), List.of(), "x")))
                .startsWith("mayor/").doesNotHaveDuplicates().contains("gastown/witness");
    }

    @Test
    void namedListsComeFromMessagingJson() throws Exception {
        TownFixture.write(f.town.messagingJson(), """
                {"type": "messaging", "version": 1,
                 "lists": {"reviewers": ["gastown/witness", "mayor", "gastown/joe"], "broken": ["gastown/witnes"]}}
                """);
        assertThat(recipients(send(Address.MAYOR, List.of("list:reviewers"), List.of(), "review")))
                .containsExactly("gastown/witness", "gastown/crew/joe");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("list:broken"), List.of(), "x"))
                .hasMessageContaining("list \"broken\"").hasMessageContaining("nearest: gastown/witness");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("list:nope"), List.of(), "x"))
                .hasMessageContaining("lists: reviewers, broken");
    }

    @Test
    void copiesGetTheirOwnMessageAndAreNamedOnEveryCopy() {
        List<Message> sent = send(Address.MAYOR, List.of("gastown/witness"), List.of("gastown/refinery",
                "deacon"), "FYI");
        assertThat(recipients(sent)).containsExactly("gastown/witness", "gastown/refinery", "deacon/");
        assertThat(sent).allSatisfy(m -> assertThat(m.cc()).containsExactlyInAnyOrder("gastown/refinery",
                "deacon/"));
    }

    @Test
    void aBadTargetAnywhereRefusesTheWholeSendBeforeAnythingIsStored() {
        int before = messagesStored();
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("mayor/", "gastown/witnes"), List.of(), "x"))
                .isInstanceOf(GtException.class).hasMessageContaining("unknown address \"gastown/witnes\"")
                .hasMessageContaining("nearest: gastown/witness");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("mayor/"), List.of("laser/mayor"), "x"))
                .hasMessageContaining("unknown address \"laser/mayor\"");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("@everyone"), List.of(), "x"))
                .hasMessageContaining("unknown group");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("@polecats/laser"), List.of(), "x"))
                .hasMessageContaining("no rig \"laser\"");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of("@polecats"), List.of(), "x"))
                .hasMessageContaining("needs a rig");
        assertThatThrownBy(() -> send(WITNESS, List.of("mayor/", "@witnesses"), List.of(), "x"))
                .hasMessageContaining("@witnesses has no members other than you");
        assertThatThrownBy(() -> send(Address.MAYOR, List.of(), List.of(), "x")).hasMessageContaining("no recipient");
        assertThatThrownBy(() -> mail.send(new Outgoing(Address.MAYOR, WITNESS, "x", "", 2, MessageKind.REPLY,
                "hq-nope", List.of(), false))).hasMessageContaining("no message \"hq-nope\"");
        assertThat(messagesStored()).isEqualTo(before);
        assertThat(notified).isEmpty();
    }

    @Test
    void repliesKeepTheThreadAndGoToTheSender() {
        Message question = mail.send(Outgoing.notice(WITNESS, Address.MAYOR, "HELP: stuck", "merge conflict"));
        Message answer = mail.reply(Address.MAYOR, question.id(), null, "rebase onto main");
        assertThat(answer.to()).isEqualTo("gastown/witness");
        assertThat(answer.from()).isEqualTo("mayor/");
        assertThat(answer.subject()).isEqualTo("Re: HELP: stuck");
        assertThat(answer.kind()).isEqualTo(MessageKind.REPLY);
        assertThat(answer.replyTo()).isEqualTo(question.id());
        assertThat(answer.thread()).isEqualTo(question.id());
        Message again = mail.reply(WITNESS, answer.id(), null, "done");
        assertThat(again.subject()).isEqualTo("Re: HELP: stuck");
        assertThat(again.to()).isEqualTo("mayor/");
        assertThat(mail.thread(again.id())).containsExactly(question, answer, again);
        assertThat(mail.thread(question.id())).containsExactly(question, answer, again);
        assertThat(question.unread()).isTrue();
        assertThatThrownBy(() -> mail.thread("hq-nope")).hasMessageContaining("no message or thread");
    }

    @Test
    void acknowledgingSeveralIsAllOrNothing() {
        Message a = mail.send(Outgoing.notice(Address.MAYOR, WITNESS, "a", ""));
        assertThatThrownBy(() -> mail.ack(List.of(a.id(), "hq-nope"))).hasMessageContaining("no message \"hq-nope\"");
        assertThat(mail.get(a.id()).unread()).isTrue();
        String task = ledger.write(ledger.hq(), tx -> IssueFactory.create(tx, ledger.hq(), new NewIssue("not mail"))
                .id());
        assertThatThrownBy(() -> mail.ack(List.of(a.id(), task))).hasMessageContaining("no message");
        assertThat(mail.inbox(WITNESS, false)).containsExactly(a);
    }

    @Test
    void theNotifierHearsOfEachStoredMessageButNotOfMailToOneself() {
        Message self = mail.send(Outgoing.notice(Address.MAYOR, Address.MAYOR, "🤝 HANDOFF: context", "notes"));
        List<Message> sent = send(Address.MAYOR, List.of("@refineries", "gastown/witness"), List.of(), "x");
        assertThat(notified).containsExactlyElementsOf(sent).doesNotContain(self);
    }

    @Test
    void everySendIsAnEvent() {
        Message m = mail.send(Outgoing.notice(Address.MAYOR, WITNESS, "MERGED furiosa", ""));
        Event e = new EventLog(f.town).readAll().stream().filter(x -> x.type().equals("mail")).reduce((x, y) -> y)
                .orElseThrow();
        assertThat(e.actor()).isEqualTo("mayor/");
        assertThat(e.payload().string("id")).isEqualTo(m.id());
        assertThat(e.payload().string("to")).isEqualTo("gastown/witness");
    }

    @Test
    void onlyTheOverseerMaySendAsSomeoneElse() {
        Recipients r = new Recipients(f.town);
        assertThat(r.sender(Address.OVERSEER, "gastown/witness")).isEqualTo(WITNESS);
        assertThat(r.sender(Address.MAYOR, null)).isEqualTo(Address.MAYOR);
        assertThatThrownBy(() -> r.sender(Address.MAYOR, "overseer")).hasMessageContaining("only the overseer");
        assertThatThrownBy(() -> r.sender(Address.OVERSEER, "gastown/witnes")).hasMessageContaining("nearest");
    }

    @Test
    void anOutgoingMessageIsChecked() {
        assertThatThrownBy(() -> Outgoing.notice(Address.MAYOR, WITNESS, " ", "")).hasMessageContaining("subject");
        assertThatThrownBy(() -> new Outgoing(Address.MAYOR, WITNESS, "s", "", 4, MessageKind.TASK, "", List.of(),
                false)).hasMessageContaining("0 (urgent) to 3 (low)");
        assertThatThrownBy(() -> MessageKind.parse("memo")).hasMessageContaining("notification, task, reply,"
                + " scavenge");
    }
}
