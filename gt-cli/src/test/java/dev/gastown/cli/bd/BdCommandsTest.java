package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BdCommandsTest {
    @TempDir
    Path dir;
    Bd bd;

    @BeforeEach
    void init() {
        bd = new Bd(dir);
        bd.ok("init", "--prefix", "tt");
    }

    @Test
    void createShowAndListUseTheOriginalJsonShapes() {
        String a = bd.create("Write <tests> & docs", "-p", "1", "-t", "bug", "-l", "b,a", "-d", "why");
        JsonObject created = bd.run("show", a, "--json").ok().json().asArray().get(0).asObject();
        assertThat(created.keys()).startsWith("id", "title", "description", "status", "priority", "issue_type");
        assertThat(created.string("title")).isEqualTo("Write <tests> & docs");
        assertThat(created.get("labels").asArray().items()).extracting(v -> v.asString()).containsExactly("a", "b");
        String raw = bd.ok("show", a, "--json");
        assertThat(raw).contains("Write \\u003ctests\\u003e \\u0026 docs").startsWith("[\n  {\n    \"id\": ");
        JsonArray list = bd.run("list", "--json").ok().json().asArray();
        assertThat(list.get(0).asObject().keys()).contains("dependency_count", "dependent_count");
        assertThat(bd.ok("list")).contains(a + " [P1] [bug] open - Write <tests> & docs");
    }

    @Test
    void readyFollowsBlockersAndCloseUnblocks() {
        String first = bd.create("First");
        String second = bd.create("Second");
        bd.ok("dep", "add", second, first);
        assertThat(readyIds()).contains(first).doesNotContain(second);
        JsonArray blocked = bd.run("blocked", "--json").ok().json().asArray();
        assertThat(blocked.get(0).asObject().string("id")).isEqualTo(second);
        assertThat(blocked.get(0).asObject().get("blocked_by").asArray().get(0).asString()).isEqualTo(first);
        bd.ok("close", first, "--reason", "done");
        assertThat(readyIds()).contains(second).doesNotContain(first);
        JsonObject closed = bd.run("show", first, "--json").ok().json().asArray().get(0).asObject();
        assertThat(closed.string("status")).isEqualTo("closed");
        assertThat(closed.string("close_reason")).isEqualTo("done");
        assertThat(closed.has("closed_at")).isTrue();
        bd.ok("reopen", first);
        JsonObject reopened = bd.run("show", first, "--json").ok().json().asArray().get(0).asObject();
        assertThat(reopened.has("closed_at")).isFalse();
        assertThat(reopened.string("status")).isEqualTo("open");
    }

    private java.util.List<String> readyIds() {
        return bd.run("ready", "--json", "-n", "0").ok().json().asArray().items().stream()
                .map(v -> v.asObject().string("id")).toList();
    }

    @Test
    void cyclesAreRefusedAndNothingIsWritten() throws Exception {
        String a = bd.create("A");
        String b = bd.create("B");
        bd.ok("dep", "add", b, a);
        String before = Files.readString(dir.resolve(".beads/issues.jsonl"));
        CliRun r = bd.run("dep", "add", a, b);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cycle");
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).isEqualTo(before);
    }

    @Test
    void badInputGetsClearErrorsAndExitCodes() {
        assertThat(bd.run("create", "   ").exitCode()).isEqualTo(1);
        assertThat(bd.run("create", "x", "-p", "7").err()).contains("invalid priority");
        assertThat(bd.run("create", "x", "-t", "nonsense").err()).contains("invalid type");
        String a = bd.create("A");
        assertThat(bd.run("update", a, "--status", "sideways").err()).contains("invalid status");
        CliRun missing = bd.run("show", "tt-zzzz", "--json");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("{\n  \"error\": \"no issue found");
        assertThat(bd.run("show").exitCode()).isEqualTo(2);
        assertThat(bd.run("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void partialIdsResolveAndAmbiguityListsCandidates() {
        String a = bd.create("A", "--id", "tt-abc1");
        bd.create("B", "--id", "tt-abc2");
        assertThat(bd.ok("show", "abc1", "--short")).startsWith(a);
        CliRun r = bd.run("show", "abc");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ambiguous").contains("tt-abc1").contains("tt-abc2");
    }

    @Test
    void childIdsCountUpAndStopAtThreeLevels() {
        String epic = bd.create("Epic", "-t", "epic");
        String c1 = bd.create("Child", "--parent", epic);
        String c2 = bd.create("Child", "--parent", epic);
        assertThat(c1).isEqualTo(epic + ".1");
        assertThat(c2).isEqualTo(epic + ".2");
        String g = bd.create("G", "--parent", c1);
        String gg = bd.create("GG", "--parent", g);
        assertThat(gg).isEqualTo(epic + ".1.1.1");
        assertThat(bd.run("create", "too deep", "--parent", gg).err()).contains("at most 3 levels");
    }

    @Test
    void claimIsExclusive() {
        String a = bd.create("Work");
        bd.ok("update", a, "--claim");
        CliRun other = new Bd(dir).env("BD_ACTOR", "someone-else").run("update", a, "--claim");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.err()).contains("already claimed by tester");
    }

    @Test
    void labelsCommentsStatsAndSlots() {
        String a = bd.create("A");
        bd.ok("label", "add", a, "urgent");
        assertThat(bd.ok("label", "list", a)).contains("urgent");
        bd.ok("comments", "add", a, "first note");
        JsonArray comments = bd.run("comments", a, "--json").ok().json().asArray();
        assertThat(comments.get(0).asObject().string("text")).isEqualTo("first note");
        assertThat(comments.get(0).asObject().get("id").asLong()).isEqualTo(1);
        JsonObject stats = bd.run("stats", "--json").ok().json().asObject();
        assertThat(stats.get("total_issues").asLong()).isEqualTo(1);
        String agent = bd.create("gt-town-polecat-ace", "-t", "agent", "--id", "tt-rig-polecat-ace");
        bd.ok("slot", "set", agent, "hook", a);
        assertThat(bd.ok("slot", "get", agent, "hook").strip()).isEqualTo(a);
        bd.ok("agent", "state", agent, "working");
        assertThat(bd.run("agent", "state", agent, "napping").err()).contains("invalid agent state");
        assertThat(bd.run("slot", "set", a, "hook", agent).err()).contains("not an agent bead");
    }

    @Test
    void closeContinueClaimsTheNextStepOfTheMolecule() {
        String mol = bd.create("Molecule", "-t", "epic");
        String s1 = bd.create("Step 1", "--parent", mol);
        String s2 = bd.create("Step 2", "--parent", mol);
        bd.ok("dep", "add", s2, s1);
        JsonObject r = bd.run("close", s1, "--continue", "--json").ok().json().asObject();
        assertThat(r.string("molecule_id")).isEqualTo(mol);
        assertThat(r.get("next_step").asObject().string("id")).isEqualTo(s2);
        assertThat(r.get("next_step").asObject().string("status")).isEqualTo("in_progress");
        JsonObject done = bd.run("close", s2, "--continue", "--json").ok().json().asObject();
        assertThat(done.get("complete").asBoolean()).isTrue();
    }

    @Test
    void wispsNeverReachIssuesJsonl() throws Exception {
        String w = bd.create("Ephemeral", "--ephemeral");
        bd.create("Persistent");
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).doesNotContain(w);
        assertThat(bd.ok("show", w)).contains("Wisp: yes");
        assertThat(bd.ok("export")).doesNotContain(w);
    }
}
