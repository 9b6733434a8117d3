package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvoyCommandsTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt gt;
    Bd bd;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        gt = new Gt(f.town.root());
        bd = new Bd(f.town.rig(TownFixture.RIG).root());
    }

    private JsonObject json(String... args) {
        return gt.run(args).ok().json().asObject();
    }

    private List<JsonValue> jsonArray(String... args) {
        return gt.run(args).ok().json().asArray().items();
    }

    @Test
    void createTakesANameOrOnlyIssuesAndABareNotifyMeansTheMayor() {
        String a = bd.create("Fix login");
        String b = bd.create("Add validation");
        JsonObject named = json("convoy", "create", "Auth fixes", a, b, "--notify", "--json");
        assertThat(named.string("title")).isEqualTo("Auth fixes");
        assertThat(named.string("notify")).isEqualTo("mayor/");
        assertThat(named.get("issues").asArray().items()).extracting(JsonValue::asString).containsExactly(a, b);
        JsonObject unnamed = json("convoy", "create", b, "--notify", a, "--json");
        assertThat(unnamed.string("title")).isEqualTo("Add validation");
        assertThat(unnamed.string("notify")).isEqualTo("mayor/");
        assertThat(unnamed.get("issues").asArray().items()).extracting(JsonValue::asString).containsExactly(b, a);
        JsonObject witness = json("convoy", "create", "W", a, "--notify=gastown/witness", "--json");
        assertThat(witness.string("notify")).isEqualTo("gastown/witness");
        assertThat(json("convoy", "create", "Quiet", a, "--json").string("notify")).isEmpty();
        assertThat(gt.ok("convoy", "create", "Human", a)).contains("🚚 Created convoy hq-cv-")
                .contains("Tracking: " + a);
    }

    @Test
    void badInputIsRefusedWithTheReasonAndNothingIsWritten() {
        String a = bd.create("A");
        CliRun unknown = gt.run("convoy", "create", "X", a, "ga-zzz");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no such issue: ga-zzz");
        CliRun address = gt.run("convoy", "create", "X", a, "--notify=gastown/witnes");
        assertThat(address.exitCode()).isEqualTo(1);
        assertThat(address.err()).contains("nearest: gastown/witness");
        assertThat(jsonArray("convoy", "list", "--all", "--json")).isEmpty();
        assertThat(gt.run("convoy", "status", "hq-cv-nope").err()).contains("no convoy hq-cv-nope");
    }

    @Test
    void statusListAddAndCheckFollowOneConvoyToItsLanding() {
        String a = bd.create("A");
        String b = bd.create("B");
        String cv = json("convoy", "create", "Batch", a, b, "--notify", "--json").string("id");
        JsonObject s = json("convoy", "status", "1", "--json");
        assertThat(s.keys()).containsExactly("id", "title", "status", "notify", "created_at", "closed_at",
                "tracked", "completed", "total");
        assertThat(s.string("id")).isEqualTo(cv);
        assertThat(s.get("total").asLong()).isEqualTo(2);
        JsonObject t = s.get("tracked").asArray().get(0).asObject();
        assertThat(t.keys()).containsExactly("id", "title", "status", "dependency_type", "issue_type", "assignee",
                "rig", "blocked", "worker");
        assertThat(t.string("rig")).isEqualTo(TownFixture.RIG);
        assertThat(gt.ok("convoy", "status", cv)).contains("Progress: 0/2 done").contains("○ " + a + ": A");
        assertThat(jsonArray("convoy", "status", "--json")).hasSize(1);
        assertThat(gt.ok("convoy", "list")).contains("1. 🚚 " + cv + ": Batch  [0/2]");

        bd.ok("close", a);
        assertThat(gt.ok("convoy", "check", cv)).contains("did not land: 1 of 2");
        // closed behind bd's back (no landing hook), so only a check lands it
        Ledger ledger = f.ledger(Address.MAYOR);
        BeadsContext store = ledger.rig(TownFixture.RIG);
        ledger.write(store, tx -> Closing.close(tx, store, b, "done", false));
        List<JsonValue> landed = jsonArray("convoy", "check", "--json");
        assertThat(landed).hasSize(1);
        assertThat(landed.get(0).asObject().string("convoy")).isEqualTo(cv);
        assertThat(landed.get(0).asObject().string("notify")).isEqualTo("mayor/");
        assertThat(gt.ok("convoy", "check")).contains("No convoy is ready to land.");
        assertThat(jsonArray("convoy", "list", "--json")).isEmpty();
        assertThat(gt.ok("convoy", "list", "--all")).contains("✓ " + cv + ": Batch  [2/2] landed");
        assertThat(json("convoy", "status", cv, "--json").string("status")).isEqualTo("closed");

        String c = bd.create("C");
        JsonObject added = json("convoy", "add", cv, c, "--json");
        assertThat(added.get("reopened").asBoolean()).isTrue();
        assertThat(json("convoy", "status", cv, "--json").get("total").asLong()).isEqualTo(3);
        assertThat(gt.ok("convoy", "list")).contains("[2/3]");
    }

    @Test
    void strandedListsReadyWorkNobodyHolds() {
        String free = bd.create("Free");
        String held = bd.create("Held");
        bd.ok("update", held, "--assignee", "gastown/polecats/ghost", "--status", "hooked");
        String mine = bd.create("Mine");
        bd.ok("update", mine, "--assignee", "deacon/");
        String cv = json("convoy", "create", "Work", free, held, mine, "--json").string("id");
        List<JsonValue> stranded = jsonArray("convoy", "stranded", "--json");
        assertThat(stranded).hasSize(1);
        JsonObject s = stranded.get(0).asObject();
        assertThat(s.keys()).containsExactly("id", "title", "created_at", "tracked_count", "ready_count",
                "ready_issues", "issues");
        assertThat(s.string("id")).isEqualTo(cv);
        assertThat(s.get("ready_issues").asArray().items()).extracting(JsonValue::asString)
                .containsExactly(free, held);
        assertThat(s.get("issues").asArray().items()).extracting(v -> v.asObject().string("reason"))
                .containsExactly("unassigned", "assignee-gone");
        assertThat(gt.ok("convoy", "stranded")).contains("→ gt sling " + free + " gastown");
    }
}
