package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqCommandsTest {
    static final String RIG = TownFixture.RIG;

    @TempDir
    Path tmp;

    TownFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = TownFixture.withRig(tmp);
    }

    private Gt overseer() {
        Map<String, String> env = new HashMap<>(Git.ENV);
        env.put("GT_ROOT", f.town.root().toString());
        return new Gt(f.town.root(), env);
    }

    private Gt as(Address a) {
        return new Gt(f.town.home(a), f.env(a));
    }

    private String issue(String title) {
        Ledger l = f.ledger(Address.MAYOR);
        BeadsContext rig = l.rig(RIG);
        return l.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue(title)).id());
    }

    /** Slings a new issue to the rig and has its polecat commit one file. */
    private Address.Polecat working(String title, String file) throws Exception {
        String id = issue(title);
        JsonObject slung = overseer().run("sling", id, RIG, "--naked", "--json").ok().json().asArray().get(0)
                .asObject();
        Address.Polecat p = (Address.Polecat) Address.parse(slung.string("agent"));
        Path wt = f.town.home(p);
        Files.writeString(wt.resolve(file), title + "\n");
        Git.run(wt, "add", file);
        Git.run(wt, "commit", "-q", "-m", title);
        return p;
    }

    @Test
    void aPolecatsWholeRoundThroughTheCommands() throws Exception {
        Address.Polecat p = working("Add greeting", "greeting.txt");

        JsonObject done = as(p).run("done", "--json").ok().json().asObject();
        assertThat(done.keys()).containsExactly("exit", "agent", "issue", "branch", "mail", "mr", "sha", "target",
                "reused", "closed_task", "blocked_by");
        String mr = done.string("mr");

        JsonArray list = overseer().run("mq", "list", RIG, "--json").ok().json().asArray();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).asObject().string("state")).isEqualTo("queued");
        assertThat(overseer().run("mq", "next", RIG, "--json").ok().json().asObject().string("id")).isEqualTo(mr);
        assertThat(overseer().run("mq", "status", mr, "--json").ok().json().asObject().string("source_issue"))
                .isEqualTo(done.string("issue"));
        assertThat(overseer().ok("mq", "list")).contains(mr, "queued");

        CliRun merged = as(new Address.Refinery(RIG)).run("mq", "process", RIG);
        assertThat(merged.exitCode()).isZero();
        assertThat(merged.out()).startsWith("Merged " + mr);

        CliRun empty = overseer().run("mq", "process", RIG, "--json");
        assertThat(empty.exitCode()).isEqualTo(10);
        assertThat(empty.json().asObject().string("outcome")).isEqualTo("EMPTY");
        assertThat(overseer().run("mq", "next", RIG, "--json").ok().json()).isEqualTo(JsonNull.INSTANCE);
        assertThat(overseer().run("mq", "status", mr, "--json").ok().json().asObject().string("state"))
                .isEqualTo("merged");
    }

    @Test
    void failuresAreTypedExitCodes() throws Exception {
        f.rig().settings().withTestCommand("echo broken; exit 1").write(f.rig().layout());
        Address.Polecat p = working("A", "a.txt");
        String mr = as(p).run("done", "--json").ok().json().asObject().string("mr");

        CliRun drained = overseer().run("mq", "process", RIG, "--all", "--json");
        assertThat(drained.exitCode()).isEqualTo(12);
        assertThat(drained.json().asArray().items()).extracting(v -> v.asObject().string("outcome"))
                .containsExactly("TESTS_FAILED", "EMPTY");
        assertThat(overseer().run("mq", "list", RIG, "--json").json().asArray().get(0).asObject().string("state"))
                .isEqualTo("failed");

        assertThat(overseer().run("mq", "retry", RIG, mr, "--json").ok().json().asObject().string("state"))
                .isEqualTo("queued");
        assertThat(overseer().run("mq", "reject", RIG, mr).exitCode()).isEqualTo(2);
        JsonObject rejected = overseer().run("mq", "reject", RIG, mr, "--reason", "broken", "--notify", "--json").ok()
                .json().asObject();
        assertThat(rejected.string("state")).isEqualTo("rejected");
        assertThat(rejected.string("notified")).isEqualTo(p.toString());
        assertThat(overseer().run("mq", "process", RIG, "--test-timeout", "5x").exitCode()).isEqualTo(1);
    }

    @Test
    void doneIsForPolecatsAndItsExitsAreChecked() throws Exception {
        CliRun mayor = as(Address.MAYOR).run("done");
        assertThat(mayor.exitCode()).isEqualTo(1);
        assertThat(mayor.err()).contains("gt mq submit");
        Address.Polecat p = working("A", "a.txt");
        assertThat(as(p).run("done", "--status", "bogus").exitCode()).isEqualTo(2);
        JsonObject deferred = as(p).run("done", "--status", "deferred", "--json").ok().json().asObject();
        assertThat(deferred.string("exit")).isEqualTo("DEFERRED");
        assertThat(deferred.string("mr")).isEmpty();
        assertThat(deferred.keys()).contains("sha", "target", "reused", "blocked_by");
    }

    @Test
    void crewSubmitsWithMqSubmit() throws Exception {
        Address.Crew joe = new Address.Crew(RIG, "joe");
        Path home = f.town.home(joe);
        Git.run(tmp, "clone", "-q", f.remote.toString(), home.toString());
        Git.run(home, "switch", "-q", "-c", "joe/docs");
        Files.writeString(home.resolve("docs.txt"), "docs\n");
        Git.run(home, "add", "docs.txt");
        Git.run(home, "commit", "-q", "-m", "Docs");
        String id = issue("Docs");
        JsonObject s = as(joe).run("mq", "submit", "--issue", id, "--json").ok().json().asObject();
        assertThat(s.string("issue")).isEqualTo(id);
        assertThat(s.string("branch")).isEqualTo("joe/docs");
        JsonValue merged = as(new Address.Refinery(RIG)).run("mq", "process", RIG, "--json").ok().json();
        assertThat(merged.asObject().string("outcome")).isEqualTo("MERGED");
    }
}
