package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.beads.json.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoleculeCommandsTest {
    @TempDir
    Path dir;
    Bd bd;

    @BeforeEach
    void init() throws Exception {
        bd = new Bd(dir);
        bd.ok("init", "--prefix", "mc");
        Files.createDirectories(dir.resolve(".beads/formulas"));
        Files.writeString(dir.resolve(".beads/formulas/mini.formula.toml"), """
                formula = "mini"
                description = "A small workflow for {{who}}"
                [vars.who]
                description = "who it is for"
                required = true
                [[steps]]
                id = "first"
                title = "First for {{who}}"
                description = "Do the first thing: run bd close --continue"
                [[steps]]
                id = "second"
                title = "Second"
                needs = ["first"]
                description = "Do the second thing: run bd close --continue"
                [[steps]]
                id = "third"
                title = "Third"
                needs = ["second"]
                description = "Do the third thing: run bd close --continue"
                """);
    }

    private JsonObject json(String... args) {
        return bd.run(args).ok().json().asObject();
    }

    @Test
    void pourCreatesAVerifiedMoleculeWithTheOriginalsJsonShape() throws Exception {
        JsonObject poured = json("mol", "pour", "mini", "--var", "who=ann", "--json");
        String root = poured.string("new_epic_id");
        assertThat(root).startsWith("mc-mol-");
        assertThat(poured.get("created").asLong()).isEqualTo(4);
        assertThat(poured.string("phase")).isEqualTo("liquid");
        String first = poured.get("id_mapping").asObject().string("first");
        JsonObject step = bd.run("show", first, "--json").ok().json().asArray().get(0).asObject();
        assertThat(step.string("title")).isEqualTo("First for ann");
        assertThat(step.string("parent")).isEqualTo(root);
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).contains(root);
        JsonObject current = json("mol", "current", root, "--json");
        assertThat(current.get("next_step").asObject().string("id")).isEqualTo(first);
        assertThat(current.get("steps").asArray().items()).extracting(v -> v.asObject().string("state"))
                .containsExactly("ready", "pending", "pending");
    }

    @Test
    void wispStepsAreReadyInMolCurrentButNeverExported() throws Exception {
        String root = json("mol", "wisp", "mini", "--var", "who=bob", "--json").string("new_epic_id");
        assertThat(root).startsWith("mc-wisp-");
        assertThat(exportedIds()).noneMatch(id -> id.startsWith("mc-wisp-"));
        JsonObject current = json("mol", "current", root, "--json");
        assertThat(current.get("steps").asArray().get(0).asObject().string("state")).isEqualTo("ready");
        String first = current.get("next_step").asObject().string("id");
        JsonObject closed = json("close", first, "--continue", "--json");
        assertThat(closed.get("next_step").asObject().string("title")).isEqualTo("Second");
        JsonObject progress = json("mol", "progress", root, "--json");
        assertThat(progress.get("completed").asLong()).isEqualTo(1);
        assertThat(progress.get("in_progress").asLong()).isEqualTo(1);
    }

    @Test
    void squashLeavesAClosedPermanentDigestAndRemovesTheWispSteps() throws Exception {
        String root = json("mol", "wisp", "mini", "--var", "who=cy", "--json").string("new_epic_id");
        JsonObject s = json("mol", "squash", root, "--summary", "all fine", "--json");
        assertThat(s.get("squashed_count").asLong()).isEqualTo(3);
        String digest = s.string("digest_id");
        JsonObject d = bd.run("show", digest, "--json").ok().json().asArray().get(0).asObject();
        assertThat(d.string("status")).isEqualTo("closed");
        assertThat(d.string("title")).isEqualTo("Digest: mini");
        assertThat(d.string("close_reason")).isEqualTo("Squashed from 3 wisps");
        // the digest keeps its parent-child edge to the (unexported) root, as the original's digests do
        assertThat(exportedIds()).contains(digest).noneMatch(id -> id.startsWith("mc-wisp-"));
        assertThat(json("mol", "wisp", "list", "--json").get("count").asLong()).isEqualTo(1);
        assertThat(json("mol", "wisp", "gc", "--json").get("collected").asArray().size()).isEqualTo(1);
        assertThat(json("mol", "wisp", "list", "--json").get("count").asLong()).isZero();
        // collecting the squashed root removes wisps only: the permanent digest below it stays
        assertThat(bd.run("show", digest, "--json").ok().json().asArray().get(0).asObject().string("id"))
                .isEqualTo(digest);
    }

    @Test
    void burnRemovesWispsOutrightAndTombstonesPersistentMoleculesOnlyWhenForced() {
        String wisp = json("mol", "wisp", "mini", "--var", "who=d", "--json").string("new_epic_id");
        assertThat(json("mol", "burn", wisp, "--json").get("deleted_count").asLong()).isEqualTo(4);
        assertThat(bd.run("show", wisp).exitCode()).isEqualTo(1);
        String mol = json("mol", "pour", "mini", "--var", "who=e", "--json").string("new_epic_id");
        CliRun refused = bd.run("mol", "burn", mol);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("--force");
        json("mol", "burn", mol, "--force", "--json");
        assertThat(bd.run("show", mol, "--json").ok().json().asArray().get(0).asObject().string("status"))
                .isEqualTo("tombstone");
    }

    @Test
    void bondMakesTheSecondMoleculeWaitForTheFirst() {
        String a = json("mol", "pour", "mini", "--var", "who=a", "--json").string("new_epic_id");
        String b = json("mol", "pour", "mini", "--var", "who=b", "--json").string("new_epic_id");
        json("mol", "bond", a, b, "--json");
        List<String> blocked = bd.run("blocked", "--json").ok().json().asArray().items().stream()
                .map(v -> v.asObject().string("id")).toList();
        assertThat(blocked).contains(b);
        JsonObject spawned = json("mol", "bond", a, "mini", "--var", "who=c", "--type", "parallel", "--json");
        assertThat(spawned.get("spawned").asLong()).isEqualTo(4);
    }

    @Test
    void cookPrintsOrPersistsAProtoThatCanBePouredWithVars() {
        JsonObject proto = json("cook", "mini", "--json");
        assertThat(proto.get("steps").asArray().size()).isEqualTo(3);
        assertThat(proto.get("vars").asArray().get(0).asString()).isEqualTo("who");
        json("cook", "mini", "--persist", "--json");
        JsonObject root = bd.run("show", "mini", "--json").ok().json().asArray().get(0).asObject();
        assertThat(root.get("labels").asArray().get(0).asString()).isEqualTo("template");
        assertThat(bd.run("show", "mini.first", "--json").ok().json().asArray().get(0).asObject()
                .string("title")).isEqualTo("First for {{who}}");
        assertThat(bd.run("mol", "pour", "mini").err()).contains("--var for: who");
        String poured = json("mol", "pour", "mini", "--var", "who=zed", "--json").get("id_mapping").asObject()
                .string("first");
        assertThat(bd.ok("show", poured, "--short")).contains("First for zed");
    }

    @Test
    void aBrokenFormulaIsRefusedWithItsFileAndReasonAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve(".beads/formulas/broken.formula.toml"), """
                formula = "broken"
                [[steps]]
                id = "a"
                title = "A"
                needs = ["nowhere"]
                """);
        String before = Files.readString(dir.resolve(".beads/issues.jsonl"));
        CliRun r = bd.run("mol", "pour", "broken");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("broken.formula.toml").contains("nowhere");
        CliRun missing = bd.run("mol", "pour", "mini");
        assertThat(missing.err()).contains("who");
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).isEqualTo(before);
    }

    @Test
    void theShippedFormulasAreOnTheSearchPath() {
        List<String> names = bd.run("formula", "list", "--json").ok().json().asArray().items().stream()
                .map(v -> v.asObject().string("name")).toList();
        assertThat(names).contains("mini", "towers-of-hanoi", "mol-polecat-work", "mol-refinery-patrol", "shiny",
                "rule-of-five", "code-review", "security-audit");
        assertThat(bd.ok("formula", "show", "shiny")).contains("feature (required)");
    }

    @Test
    void closeStdinAnswersEachCloseOnItsOwnLine() {
        String root = json("mol", "wisp", "mini", "--var", "who=s", "--json").string("new_epic_id");
        String first = json("mol", "current", root, "--json").get("next_step").asObject().string("id");
        CliRun r = bd.runWithInput(first + " done\n", "close", "--stdin", "--continue", "--json");
        JsonValue line = JsonParser.parse(r.ok().out().strip());
        assertThat(line.asObject().string("closed")).isEqualTo(first);
        assertThat(line.asObject().get("next_step").asObject().string("title")).isEqualTo("Second");
    }

    @Test
    void bigMoleculesTakeTheBulkPathAndMatchTheTemplate() {
        JsonObject poured = json("mol", "wisp", "towers-of-hanoi", "--var", "disks=13", "--json");
        assertThat(poured.get("created").asLong()).isEqualTo(8194);
        assertThat(poured.get("edges").asLong()).isEqualTo(8193 + 8192); // parent-child, and the chain
        String root = poured.string("new_epic_id");
        JsonObject progress = json("mol", "progress", root, "--json");
        assertThat(progress.get("total").asLong()).isEqualTo(8193);
        assertThat(progress.get("ready").asLong()).isEqualTo(1);
        String setup = json("mol", "current", root, "--json").get("next_step").asObject().string("id");
        JsonObject next = json("close", setup, "--continue", "--json");
        assertThat(next.get("next_step").asObject().string("title")).isEqualTo("Move disk 1: A → C"); // odd disk count: the smallest disk goes to C first
        assertThat(json("mol", "burn", root, "--json").get("deleted_count").asLong()).isEqualTo(8194);
    }

    private List<String> exportedIds() throws IOException {
        return Files.readAllLines(dir.resolve(".beads/issues.jsonl")).stream()
                .map(line -> JsonParser.parseObject(line).string("id")).toList();
    }
}
