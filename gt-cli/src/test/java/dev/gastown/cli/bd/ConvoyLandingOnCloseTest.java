package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.model.Status;
import dev.gastown.beads.testing.JavaProcess;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.testing.TownFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bd's closing paths land convoys in the town at once, exactly once, and never fail a close because of it. */
class ConvoyLandingOnCloseTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Bd bd;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.MAYOR);
        bd = new Bd(f.town.rig(TownFixture.RIG).root());
    }

    private String convoy(String... issues) {
        List<String> words = new ArrayList<>(List.of("Batch"));
        words.addAll(List.of(issues));
        return new Convoys(ledger).create(words, "mayor/").id();
    }

    private Status status(String id) {
        return ledger.read(ledger.owning(id), v -> v.get(id)).status();
    }

    private List<Message> landingMails() {
        return new Mailboxes(ledger).inbox(Address.MAYOR, true).stream()
                .filter(m -> m.subject().startsWith("🚚 Convoy landed")).toList();
    }

    private long landedEvents() {
        return new EventLog(f.town).readAll().stream().filter(e -> e.type().equals("convoy_landed")).count();
    }

    @Test
    void closingTheLastTrackedIssueLandsTheConvoyAndMailsOnce() {
        String a = bd.create("A");
        String b = bd.create("B");
        String cv = convoy(a, b);
        assertThat(bd.ok("close", a)).doesNotContain("Convoy landed");
        assertThat(status(cv)).isEqualTo(Status.OPEN);
        assertThat(bd.ok("close", b)).contains("🚚 Convoy landed: " + cv + " (Batch), told mayor/");
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        assertThat(landingMails()).hasSize(1);
        assertThat(landedEvents()).isEqualTo(1);
        bd.ok("reopen", b);
        bd.ok("close", b);
        assertThat(landingMails()).hasSize(1);
    }

    @Test
    void closingSeveralAtOnceAndJsonOutputStayClean() {
        String a = bd.create("A");
        String b = bd.create("B");
        String cv = convoy(a, b);
        CliRun r = bd.run("close", a, b, "--json").ok();
        assertThat(r.json().asArray().items()).hasSize(2);
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        assertThat(landingMails()).hasSize(1);
    }

    @Test
    void updateToClosedLandsToo() {
        String a = bd.create("A");
        String cv = convoy(a);
        bd.ok("update", a, "--status", "in_progress");
        assertThat(status(cv)).isEqualTo(Status.OPEN);
        assertThat(bd.ok("update", a, "--status", "closed")).contains("Convoy landed: " + cv);
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        assertThat(landingMails()).hasSize(1);
    }

    @Test
    void theStdinStreamLandsAndKeepsOneAnswerLinePerClose() {
        String a = bd.create("A");
        String b = bd.create("B");
        String cv = convoy(a, b);
        CliRun r = bd.runWithInput(a + "\n" + b + " all done\n", "close", "--stdin", "--continue", "--json").ok();
        assertThat(r.out().strip().split("\n")).hasSize(2);
        assertThat(r.out()).doesNotContain("Convoy landed");
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
        assertThat(landingMails()).hasSize(1);
        String c = bd.create("C");
        String cv2 = convoy(c);
        CliRun human = bd.runWithInput(c + "\n", "close", "--stdin").ok();
        assertThat(human.out().strip().split("\n")).hasSize(1);
        assertThat(human.err()).contains("Convoy landed: " + cv2);
    }

    @Test
    void continueInAMoleculeLandsTheConvoyTrackingTheStep() {
        String root = bd.run("mol", "pour", "towers-of-hanoi", "--var", "disks=1", "--json").ok().json().asObject()
                .string("new_epic_id");
        String step = bd.run("mol", "current", root, "--json").ok().json().asObject().get("next_step").asObject()
                .string("id");
        String cv = convoy(step);
        bd.ok("close", step, "--continue");
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
    }

    @Test
    void aStoreOutsideTheTownLandsThroughGtRootAndRoutes() throws Exception {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Bd ext = new Bd(outside);
        ext.ok("init", "--prefix", "ex");
        String x = ext.create("Outside work");
        Files.writeString(f.town.beads().path().resolve("routes.jsonl"), "{\"prefix\":\"ex-\",\"path\":\""
                + f.town.root().relativize(outside) + "\"}\n", StandardOpenOption.APPEND);
        String cv = convoy(x);
        ext.ok("close", x);
        assertThat(status(cv)).isEqualTo(Status.OPEN);
        ext.ok("reopen", x);
        ext.env("GT_ROOT", f.town.root().toString()).ok("close", x);
        assertThat(status(cv)).isEqualTo(Status.CLOSED);
    }

    @Test
    void outsideATownOrWithABadGtRootACloseIsJustAClose() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Bd plain = new Bd(dir).env("GT_ROOT", tmp.resolve("no-town").toString());
        plain.ok("init", "--prefix", "pl");
        String id = plain.create("A");
        CliRun r = plain.run("close", id).ok();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aLandingThatFailsIsReportedAndTheCloseStands() throws Exception {
        String a = bd.create("A");
        String cv = convoy(a);
        Path config = f.town.beads().path().resolve("config.yaml");
        String good = Files.readString(config);
        Files.writeString(config, good + "\nthis line is not yaml\n");
        CliRun r = bd.run("close", a);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("warning: closed " + a).contains("gt convoy check");
        assertThat(status(a)).isEqualTo(Status.CLOSED);
        Files.writeString(config, good);
        assertThat(status(cv)).isEqualTo(Status.OPEN);
    }

    @Test
    void twoProcessesClosingTheLastTwoIssuesLandEachConvoyOnce() throws Exception {
        int convoys = 4;
        List<String> convoyIds = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        for (int c = 0; c < convoys; c++) {
            String a = bd.create("A" + c);
            String b = bd.create("B" + c);
            convoyIds.add(convoy(a, b));
            issues.add(a);
            issues.add(b);
        }
        Path go = tmp.resolve("go");
        List<Process> procs = new ArrayList<>();
        for (String id : issues) {
            procs.add(JavaProcess.start(f.town.rig(TownFixture.RIG).root(), BdAfterSignal.class, go.toString(),
                    "close", id));
        }
        for (Process p : procs) {
            String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(first).isEqualTo("ready");
        }
        Files.createFile(go);
        int landedLines = 0;
        for (Process p : procs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(err).isEmpty();
            landedLines += (int) out.lines().filter(l -> l.contains("Convoy landed")).count();
        }
        assertThat(landedLines).isEqualTo(convoys);
        for (String cv : convoyIds) {
            assertThat(status(cv)).isEqualTo(Status.CLOSED);
            assertThat(landingMails()).filteredOn(m -> m.body().contains(cv)).hasSize(1);
        }
        assertThat(landingMails()).hasSize(convoys);
        assertThat(landedEvents()).isEqualTo(convoys);
    }
}
