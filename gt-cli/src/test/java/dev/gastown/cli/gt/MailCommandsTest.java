package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailCommandsTest {
    static final Address WITNESS = new Address.Witness(TownFixture.RIG);

    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;
    Gt mayor;
    Gt witness;
    Bd bd;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        Files.createDirectories(f.town.home(new Address.Polecat(TownFixture.RIG, "furiosa")));
        overseer = Gt.in(f.town);
        mayor = overseer.as(Address.MAYOR);
        witness = overseer.as(WITNESS);
        bd = new Bd(f.town.root()).env("BEADS_DIR", f.town.beads().path().toString());
    }

    static List<String> ids(CliRun run) {
        return run.ok().json().asArray().items().stream().map(v -> v.asObject().string("id")).toList();
    }

    /** What the store itself holds for {@code who}, read with bd rather than through the mail code. */
    List<String> stored(Address who, boolean all) {
        return all ? ids(bd.run("list", "--type", "message", "--assignee", who.toString(), "--all", "-n", "0",
                "--json")) : ids(bd.run("list", "--type", "message", "--assignee", who.toString(), "-n", "0",
                        "--json"));
    }

    static JsonObject check(Gt as) {
        return as.run("mail", "check", "--json").ok().json().asObject();
    }

    @Test
    void everyViewAgreesWithTheStoreBeforeAndAfterAcknowledging() {
        String done = ids(mayor.run("mail", "send", "gastown/witness", "-s", "POLECAT_DONE furiosa", "-m",
                "Exit: COMPLETED\nIssue: ga-1", "--json")).get(0);
        String merged = ids(mayor.run("mail", "send", "gastown/witness", "-s", "MERGED furiosa", "--urgent",
                "--json")).get(0);

        assertThat(ids(witness.run("mail", "inbox", "--json"))).containsExactly(merged, done);
        assertThat(stored(WITNESS, false)).containsExactlyInAnyOrder(merged, done);
        assertThat(witness.run("mail", "check").exitCode()).isZero();
        assertThat(check(witness).get("unread").asLong()).isEqualTo(2);
        assertThat(check(witness).get("has_new").asBoolean()).isTrue();
        assertThat(witness.ok("mail", "check", "--inject")).isEqualTo("<system-reminder>\n"
                + "You have 2 unread messages (gt mail read ID to read one, gt mail ack ID when done with it):\n"
                + "- " + merged + " from mayor/: MERGED furiosa\n"
                + "- " + done + " from mayor/: POLECAT_DONE furiosa\n"
                + "</system-reminder>\n");
        assertThat(witness.ok("mail", "peek")).startsWith(merged + " from mayor/: MERGED furiosa  [urgent]")
                .contains("(1 more unread");
        JsonObject read = witness.run("mail", "read", done, "--json").ok().json().asObject();
        assertThat(read.string("body")).isEqualTo("Exit: COMPLETED\nIssue: ga-1");
        assertThat(read.get("read").asBoolean()).isFalse();
        assertThat(witness.ok("mail", "read", done)).contains("Subject: POLECAT_DONE furiosa");
        assertThat(check(witness).get("unread").asLong()).as("reading does not acknowledge").isEqualTo(2);

        assertThat(witness.ok("mail", "ack", done)).contains("Acknowledged " + done);
        assertThat(witness.run("mail", "archive", merged, done).exitCode()).as("twice is fine").isZero();

        assertThat(ids(witness.run("mail", "inbox", "--json"))).isEmpty();
        assertThat(stored(WITNESS, false)).isEmpty();
        assertThat(stored(WITNESS, true)).containsExactlyInAnyOrder(merged, done);
        assertThat(witness.run("mail", "inbox", "--all", "--json").ok().json().asArray().items())
                .allSatisfy(m -> assertThat(m.asObject().get("read").asBoolean()).isTrue()).hasSize(2);
        CliRun none = witness.run("mail", "check");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).isEmpty();
        assertThat(check(witness).get("unread").asLong()).isZero();
        assertThat(witness.run("mail", "check", "--inject")).isEqualTo(new CliRun(0, "", ""));
        assertThat(witness.run("mail", "peek").exitCode()).isEqualTo(1);
    }

    @Test
    void anUnknownRecipientIsRefusedWithTheNearestAndNothingIsStored() {
        CliRun refused = mayor.run("mail", "send", "mayor/", "gastown/witnes", "-s", "lost?");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("unknown address \"gastown/witnes\"").contains("nearest: gastown/witness");
        assertThat(mayor.run("mail", "send", "mayor/", "--cc", "laser/mayor", "-s", "x").exitCode()).isEqualTo(1);
        assertThat(mayor.run("mail", "send", "mayor/", "-s", "x", "--type", "memo").exitCode()).isEqualTo(1);
        assertThat(mayor.run("mail", "send", "mayor/", "-s", "x", "--priority", "3", "--urgent").exitCode())
                .isEqualTo(1);
        assertThat(mayor.run("mail", "inbox", "gastown/witnes").err()).contains("nearest: gastown/witness");
        assertThat(ids(bd.run("list", "--type", "message", "--all", "-n", "0", "--json"))).isEmpty();
    }

    @Test
    void groupsFanOutWithoutTheSender() {
        List<JsonValue> sent = witness.run("mail", "send", "@rig/gastown", "--all-polecats", "gastown", "-s",
                "WITNESS_PING gastown", "--json").ok().json().asArray().items();
        assertThat(sent).extracting(m -> m.asObject().string("to"))
                .containsExactly("gastown/refinery", "gastown/polecats/furiosa");
        assertThat(witness.run("mail", "send", "@witnesses", "-s", "x").err()).contains("no members other than you");
    }

    @Test
    void repliesStayInTheThreadAndGoBackToTheSender() {
        String help = ids(witness.run("mail", "send", "mayor/", "-s", "HELP: merge conflict", "--json")).get(0);
        JsonObject answer = mayor.run("mail", "reply", help, "-m", "rebase onto main", "--json").ok().json()
                .asObject();
        assertThat(answer.string("to")).isEqualTo("gastown/witness");
        assertThat(answer.string("subject")).isEqualTo("Re: HELP: merge conflict");
        assertThat(answer.string("thread_id")).isEqualTo(help);
        assertThat(answer.string("reply_to")).isEqualTo(help);
        assertThat(answer.string("type")).isEqualTo("reply");
        String followUp = ids(witness.run("mail", "send", "mayor/", "-s", "thanks", "--reply-to",
                answer.string("id"), "--json")).get(0);
        assertThat(ids(overseer.run("mail", "thread", followUp, "--json")))
                .containsExactly(help, answer.string("id"), followUp);
        assertThat(overseer.ok("mail", "thread", help)).startsWith("Thread " + help + ": 3 messages");
    }

    @Test
    void onlyTheOverseerSendsAsSomeoneElse() {
        JsonObject m = overseer.run("mail", "send", "gastown/witness", "--from", "mayor", "-s", "x", "--json").ok()
                .json().asArray().items().get(0).asObject();
        assertThat(m.string("from")).isEqualTo("mayor/");
        assertThat(witness.run("mail", "send", "mayor/", "--from", "deacon", "-s", "x").err())
                .contains("only the overseer");
    }

    @Test
    void escalateRecordsABeadAndMailsTheOverseerAndTheMayor() {
        JsonObject e = witness.run("escalate", "merge", "conflict", "-s", "critical", "-m", "cannot rebase",
                "--json").ok().json().asObject();
        String bead = e.string("id");
        assertThat(e.get("priority").asLong()).isZero();
        JsonObject stored = bd.run("show", bead, "--json").ok().json().asArray().items().get(0).asObject();
        assertThat(stored.string("title")).isEqualTo("[ESCALATION] merge conflict");
        assertThat(stored.get("labels").asArray().items()).extracting(JsonValue::asString)
                .containsExactly("escalation");
        assertThat(mayor.ok("mail", "check", "--inject")).contains("from gastown/witness: [ESCALATION] merge"
                + " conflict");
        assertThat(check(overseer).get("unread").asLong()).isEqualTo(1);
        assertThat(witness.run("escalate", "x", "-s", "LOW").err()).contains("CRITICAL, HIGH or MEDIUM");
    }
}
