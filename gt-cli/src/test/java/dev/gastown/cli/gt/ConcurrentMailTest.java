package dev.gastown.cli.gt;

import static dev.gastown.cli.gt.MailCommandsTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.testing.JavaProcess;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.testing.TownFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents in separate processes mail one witness at the same time, directly and by broadcast, while it reads its
 * inbox; then several processes acknowledge the same messages at once. At every step the inbox, the count and the
 * store agree, and nothing is lost or delivered twice.
 */
class ConcurrentMailTest {
    private static final Address WITNESS = new Address.Witness(TownFixture.RIG);
    private static final int PER_SENDER = 4;

    @TempDir
    Path tmp;

    @Test
    void concurrentSendersAndAckersLeaveTheViewsAndTheStoreInAgreement() throws Exception {
        TownFixture f = TownFixture.withRig(tmp);
        List<Address> senders = List.of(Address.MAYOR, Address.DEACON, new Address.Refinery(TownFixture.RIG),
                new Address.Polecat(TownFixture.RIG, "furiosa"), new Address.Polecat(TownFixture.RIG, "nux"),
                new Address.Crew(TownFixture.RIG, "joe"));
        for (Address a : senders) {
            if (a.rig().isPresent()) {
                Files.createDirectories(f.town.home(a));
            }
        }
        Gt witness = Gt.in(f.town).as(WITNESS);
        Bd bd = new Bd(f.town.root()).env("BEADS_DIR", f.town.beads().path().toString());

        List<Process> procs = new ArrayList<>();
        for (Address a : senders) {
            procs.add(JavaProcess.start(tmp, ConcurrentMailClient.class, f.town.root().toString(), a.toString(),
                    "send", WITNESS.toString(), Integer.toString(PER_SENDER), "@rig/" + TownFixture.RIG));
        }
        long seen = 0;
        while (procs.stream().anyMatch(Process::isAlive)) {
            List<String> inbox = ids(witness.run("mail", "inbox", "--json"));
            assertThat(inbox).doesNotHaveDuplicates();
            assertThat((long) inbox.size()).as("the inbox never shrinks while mail arrives")
                    .isGreaterThanOrEqualTo(seen);
            seen = inbox.size();
            if (!inbox.isEmpty()) {
                witness.run("mail", "read", inbox.get(inbox.size() - 1)).ok();
            }
        }
        Set<String> toWitness = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (Process p : procs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            for (String line : out.strip().split("\n")) {
                String[] idTo = line.split(" ");
                assertThat(all.add(idTo[0])).as("id %s handed out twice", idTo[0]).isTrue();
                if (idTo[1].equals(WITNESS.toString())) {
                    toWitness.add(idTo[0]);
                }
            }
        }
        int expected = senders.size() * (PER_SENDER + 1);
        assertThat(toWitness).hasSize(expected);
        assertThat(ids(witness.run("mail", "inbox", "--json"))).containsExactlyInAnyOrderElementsOf(toWitness);
        assertThat(ids(bd.run("list", "--type", "message", "--assignee", WITNESS.toString(), "-n", "0", "--json")))
                .containsExactlyInAnyOrderElementsOf(toWitness);
        assertThat(MailCommandsTest.check(witness).get("unread").asLong()).isEqualTo(expected);
        assertThat(witness.ok("mail", "check", "--inject").lines().filter(l -> l.startsWith("- "))).hasSize(expected);

        List<Process> ackers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> args = new ArrayList<>(List.of(f.town.root().toString(), WITNESS.toString(), "ack"));
            args.addAll(toWitness);
            ackers.add(JavaProcess.start(tmp, ConcurrentMailClient.class, args.toArray(String[]::new)));
        }
        for (Process p : ackers) {
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
        }
        assertThat(ids(witness.run("mail", "inbox", "--json"))).isEmpty();
        assertThat(ids(bd.run("list", "--type", "message", "--assignee", WITNESS.toString(), "-n", "0", "--json")))
                .isEmpty();
        assertThat(ids(witness.run("mail", "inbox", "--all", "--json"))).containsExactlyInAnyOrderElementsOf(toWitness);
        assertThat(MailCommandsTest.check(witness).get("unread").asLong()).isZero();
        assertThat(witness.run("mail", "check").exitCode()).isEqualTo(1);
        assertThat(witness.ok("mail", "check", "--inject")).isEmpty();
        assertThat(bd.run("doctor").exitCode()).isZero();
    }
}
