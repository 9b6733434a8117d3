package dev.gastown.core.prime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.HookState;
import dev.gastown.core.work.Hooks;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import dev.gastown.core.work.Slung;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimeTest {
    @TempDir
    Path tmp;

    TownFixture f;
    FormulaPours formulas;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        formulas = new FormulaPours(f.town.root(), null);
    }

    private PrimeReport prime(Address a) {
        return prime(a, f.town.home(a), Map.of("GT_ROLE", a.toString()));
    }

    private PrimeReport prime(Address a, Path cwd, Map<String, String> env) {
        return Prime.run(f.ledger(a), formulas, new Prime.Request(a, env, cwd, 4242, "sess-1"));
    }

    private Slung slingToRig(String title) {
        Ledger mayor = f.ledger(Address.MAYOR);
        BeadsContext rig = mayor.rig(TownFixture.RIG);
        String id = mayor.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title)).id());
        return new Sling(mayor, formulas, Address.MAYOR).sling(new SlingRequest(List.of(id), TownFixture.RIG,
                Map.of(), "", "", false, "", false)).get(0);
    }

    private void mail(Address to, String subject, String body) {
        new Mailboxes(f.ledger(to)).send(Outgoing.notice(to, to, subject, body));
    }

    @Test
    void aPolecatWithWorkIsToldToRunItsFirstStepNowInTheFixedOrder() {
        Slung s = slingToRig("Add greeting");
        mail(s.agent(), "🤝 HANDOFF: halfway", "Plan is on the issue.");
        mail(s.agent(), "Re: HELP", "Use the existing helper.");
        PrimeReport r = prime(s.agent());

        assertThat(r.state()).isEqualTo(HookState.READY);
        assertThat(r.work().step().orElseThrow().title()).isEqualTo("Load your role and your hook");
        String stepId = r.work().step().orElseThrow().id();
        assertThat(r.workDirective().orElseThrow()).contains("Run step " + stepId)
                .contains("bd close " + stepId + " --continue");
        assertThat(r.startupDirective()).isEmpty();

        String text = r.text();
        assertThat(text).startsWith("[GAS TOWN] role:gastown/polecats/furiosa pid:4242 session:sess-1\n");
        assertInOrder(text, "[GAS TOWN]", "# You are polecat furiosa of rig gastown", "## 🤝 Handoff",
                "Plan is on the issue.", "## 🚨 AUTONOMOUS WORK MODE 🚨", "Run step " + stepId,
                "gt prime\n    gt hook", "## 📬 Mail: 2 unread", "Re: HELP");
        assertThat(text).doesNotContain("ROLE/LOCATION MISMATCH").doesNotContain("## Startup")
                .doesNotContain("Escalations");
    }

    @Test
    void primingMarksTheAgentRunningAndLogsTheSession() {
        Slung s = slingToRig("A");
        new Agents(f.ledger(Address.MAYOR)).setState(s.agent(), AgentState.IDLE);
        prime(s.agent());
        assertThat(new Agents(f.ledger(Address.MAYOR)).get(s.agent()).state()).isEqualTo(AgentState.RUNNING);
        Event e = new EventLog(f.town).readAll().stream().filter(x -> x.type().equals("session_start"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(e.actor()).isEqualTo(s.agent().toString());
        JsonObject p = e.payload();
        assertThat(p.keys()).containsExactly("session_id", "address", "pid", "cwd");
        assertThat(p.string("session_id")).isEqualTo("sess-1");
        assertThat(p.get("pid").asLong()).isEqualTo(4242);
        assertThat(p.string("cwd")).isEqualTo(s.workdir());
    }

    @Test
    void withoutASessionIdTheAddressAndPidStandIn() {
        Address mayor = Address.MAYOR;
        PrimeReport r = Prime.run(f.ledger(mayor), formulas, new Prime.Request(mayor, Map.of(), f.town.root(), 7,
                ""));
        assertThat(r.identityLine()).isEqualTo("[GAS TOWN] role:mayor/ pid:7 session:mayor/-7");
    }

    @Test
    void aWitnessWithAnEmptyHookGetsANewPatrolCycleAndOnlyOne() {
        Address witness = new Address.Witness(TownFixture.RIG);
        PrimeReport first = prime(witness);
        Patrols.Started started = first.patrol().orElseThrow();
        assertThat(started.formula()).isEqualTo("mol-witness-patrol");
        assertThat(started.moleculeId()).startsWith("ga-wisp-");
        assertThat(first.work().hooked().orElseThrow().id()).isEqualTo(started.moleculeId());
        assertThat(first.work().step().orElseThrow().title()).isEqualTo("Read and sort the Witness inbox");
        assertThat(first.work().step().orElseThrow().description()).contains("gt mail inbox --json");
        assertThat(first.text()).contains("A new patrol cycle was started")
                .contains("gt polecat nuke gastown/<name>");

        PrimeReport again = prime(witness);
        assertThat(again.patrol()).isEmpty();
        assertThat(again.work().hooked().orElseThrow().id()).isEqualTo(started.moleculeId());
    }

    @Test
    void theNextPrimeAfterASquashedCycleStartsTheNextCycle() {
        Address deacon = Address.DEACON;
        String firstCycle = prime(deacon).patrol().orElseThrow().moleculeId();
        Ledger ledger = f.ledger(deacon);
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> Squashing.squash(tx, hq, firstCycle, "deacon: quiet", false));
        PrimeReport next = prime(deacon);
        assertThat(next.patrol().orElseThrow().moleculeId()).isNotEqualTo(firstCycle).startsWith("hq-wisp-");
        assertThat(new Hooks(ledger).find(deacon).orElseThrow().id()).isEqualTo(next.patrol().get().moleculeId());
    }

    @Test
    void concurrentPrimesOfOnePatrolAgentPourOneCycle() throws Exception {
        Address refinery = new Address.Refinery(TownFixture.RIG);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PrimeReport>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit((Callable<PrimeReport>) () -> prime(refinery)));
            }
            List<String> hooked = new ArrayList<>();
            int poured = 0;
            for (Future<PrimeReport> run : runs) {
                PrimeReport r = run.get();
                poured += r.patrol().isPresent() ? 1 : 0;
                hooked.add(r.work().hooked().orElseThrow().id());
            }
            assertThat(poured).isEqualTo(1);
            assertThat(hooked).containsOnly(hooked.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPatrolThatCannotBePouredIsReportedAndTheRestIsStillPrinted() throws Exception {
        TownFixture.write(f.town.root().resolve(".beads/formulas/mol-deacon-patrol.formula.toml"),
                "formula = \"mol-deacon-patrol\"\nthis is not toml\n");
        mail(Address.DEACON, "WITNESS_PING gastown", "alive");
        PrimeReport r = prime(Address.DEACON);
        assertThat(r.patrol()).isEmpty();
        assertThat(r.patrolError().orElseThrow()).startsWith("Could not start mol-deacon-patrol: ");
        assertThat(r.state()).isEqualTo(HookState.EMPTY);
        assertInOrder(r.text(), "# You are the Deacon", "## ⚠️ Patrol not started", "## 📬 Mail: 1 unread",
                "## Startup", "PATROL: mol-deacon-patrol did not start");
        assertThat(r.toJson().get("patrol").asObject().string("error")).isEqualTo(r.patrolError().get());
    }

    @Test
    void theMayorSeesOpenEscalationsMostUrgentFirst() {
        Ledger ledger = f.ledger(Address.MAYOR);
        BeadsContext hq = ledger.hq();
        String medium = ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue("[ESCALATION] disk")
                .priority(2).labels(List.of("escalation"))).id());
        String critical = ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue("[ESCALATION] prod down")
                .priority(0).labels(List.of("escalation"))).id());
        ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue("unrelated").labels(List.of("escalation"))
                .type(IssueType.BUG)).id());
        PrimeReport r = prime(Address.MAYOR);
        assertThat(r.escalations().orElseThrow()).extracting(i -> i.id()).containsExactly(critical, medium);
        assertThat(r.state()).isEqualTo(HookState.EMPTY);
        assertInOrder(r.text(), "# You are the Mayor", "## 📬 Mail: 0 unread", "## 🚩 Escalations: 2 open",
                critical + " [P0]", medium + " [P2]", "## Startup");
        assertThat(prime(new Address.Witness(TownFixture.RIG)).escalations()).isEmpty();
    }

    @Test
    void aRoleThatDisagreesWithTheDirectoryGetsAWarningBanner() {
        Slung s = slingToRig("A");
        Map<String, String> env = Map.of("GT_ROLE", s.agent().toString());
        assertThat(prime(s.agent(), Path.of(s.workdir()).resolve("sub"), env).warning()).isEmpty();
        assertThat(prime(s.agent(), f.town.root(), env).warning().orElseThrow())
                .contains("outside your home " + s.workdir());
        assertThat(prime(s.agent(), f.town.rig(TownFixture.RIG).witnessDir(), env).warning().orElseThrow())
                .contains("the home of gastown/witness");
        assertThat(prime(s.agent(), f.town.root(), Map.of()).warning()).isEmpty();
        assertThat(prime(Address.MAYOR, f.town.root(), Map.of("GT_ROLE", "mayor")).warning()).isEmpty();
        String text = prime(s.agent(), f.town.root(), env).text();
        assertInOrder(text, "[GAS TOWN]", "⚠️  ROLE/LOCATION MISMATCH ⚠️", "# You are polecat");
    }

    @Test
    void emptyHooksGetTheirRolesStartupDirective() {
        Address crew = new Address.Crew(TownFixture.RIG, "max");
        PrimeReport r = prime(crew, f.town.root(), Map.of());
        assertThat(r.workDirective()).isEmpty();
        assertThat(r.startupDirective().orElseThrow()).contains("bd ready");
        assertThat(r.toJson().get("work")).isEqualTo(dev.gastown.beads.json.JsonNull.INSTANCE);
        assertThat(prime(new Address.Polecat(TownFixture.RIG, "nux"), f.town.root(), Map.of()).startupDirective()
                .orElseThrow()).contains("gt mail send gastown/witness");
    }

    @Test
    void theJsonFormCarriesTheSameSectionsInTheSameOrder() {
        Slung s = slingToRig("A");
        JsonObject o = prime(s.agent()).toJson();
        assertThat(o.keys()).containsExactly("identity", "warning", "role_context", "handoffs", "work", "mail",
                "startup");
        JsonObject work = o.get("work").asObject();
        assertThat(work.string("state")).isEqualTo("ready");
        assertThat(work.get("step").asObject().string("title")).isEqualTo("Load your role and your hook");
        assertThat(work.get("hook").asObject().get("bead").asObject().string("id")).isEqualTo(s.beadId());
    }

    @Test
    void theOverseerHasNothingToPrime() {
        assertThatThrownBy(() -> prime(Address.OVERSEER, f.town.root(), Map.of())).isInstanceOf(GtException.class)
                .hasMessageContaining("overseer");
    }

    static void assertInOrder(String text, String... parts) {
        int at = -1;
        for (String p : parts) {
            int i = text.indexOf(p, at + 1);
            assertThat(i).as("\"%s\" after position %d in:\n%s", p, at, text).isGreaterThan(at);
            at = i;
        }
    }
}
