package dev.gastown.core.rig;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.RigLayout;
import java.util.List;

/**
 * {@code <rig>/settings/config.json}: how the rig merges and names its workers. Missing keys take their defaults,
 * so a hand-edited file only needs what it changes.
 *
 * @param targetBranch the branch merges land on (the rig's default branch unless set)
 * @param testCommand the shell command the merge engine runs on each rebased branch; empty runs none
 * @param deleteMergedBranches remove a polecat's remote branch once its merge is confirmed on the target
 * @param namepoolTheme the polecat name theme
 * @param customNames names used before the theme's, when given
 * @param agent the agent preset workers in this rig run (empty: the town's default)
 */
public record RigSettings(String targetBranch, String testCommand, boolean deleteMergedBranches,
        String namepoolTheme, List<String> customNames, String agent) {

    public static RigSettings defaults(String defaultBranch) {
        return new RigSettings(defaultBranch, "", true, "mad_max", List.of(), "");
    }

    public static RigSettings read(RigLayout rig, String defaultBranch) {
        RigSettings d = defaults(defaultBranch);
        JsonObject o = JsonFiles.readIfExists(rig.settingsFile()).orElseGet(JsonObject::new);
        JsonObject mq = o.find("merge_queue").map(JsonValue::asObject).orElseGet(JsonObject::new);
        JsonObject pool = o.find("namepool").map(JsonValue::asObject).orElseGet(JsonObject::new);
        List<String> names = pool.find("names").map(v -> v.asArray().items().stream().map(JsonValue::asString)
                .toList()).orElse(d.customNames());
        return new RigSettings(
                or(mq.string("target_branch"), d.targetBranch()),
                mq.has("test_command") ? mq.string("test_command") : d.testCommand(),
                mq.find("delete_merged_branches").map(JsonValue::asBoolean).orElse(d.deleteMergedBranches()),
                or(pool.string("style"), d.namepoolTheme()),
                names,
                o.find("runtime").map(r -> r.asObject().string("agent")).orElse(d.agent()));
    }

    public void write(RigLayout rig) {
        JsonArray names = new JsonArray();
        customNames.forEach(names::add);
        JsonFiles.write(rig.settingsFile(), new JsonObject().put("type", "rig-settings").put("version", 1)
                .put("merge_queue", new JsonObject().put("enabled", true).put("target_branch", targetBranch)
                        .put("test_command", testCommand).put("delete_merged_branches", deleteMergedBranches))
                .put("namepool", new JsonObject().put("style", namepoolTheme).put("names", names))
                .put("runtime", new JsonObject().put("agent", agent)));
    }

    public RigSettings withTestCommand(String command) {
        return new RigSettings(targetBranch, command, deleteMergedBranches, namepoolTheme, customNames, agent);
    }

    public RigSettings withTargetBranch(String branch) {
        return new RigSettings(branch, testCommand, deleteMergedBranches, namepoolTheme, customNames, agent);
    }

    private static String or(String v, String fallback) {
        return v.isEmpty() ? fallback : v;
    }
}
