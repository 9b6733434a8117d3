package dev.gastown.core.rig;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.RigLayout;

/** {@code <rig>/config.json}: the rig's identity, where its code comes from, and its beads prefix. */
public record RigConfig(String name, String gitUrl, String defaultBranch, String createdAt, String beadsPrefix) {

    public JsonObject toJson() {
        return new JsonObject().put("type", "rig").put("version", 1).put("name", name).put("git_url", gitUrl)
                .put("default_branch", defaultBranch).put("created_at", createdAt)
                .put("beads", new JsonObject().put("prefix", beadsPrefix));
    }

    public static RigConfig read(RigLayout rig) {
        JsonObject o = JsonFiles.read(rig.configJson());
        String prefix = o.find("beads").map(b -> b.asObject().string("prefix")).orElse("");
        return new RigConfig(o.string("name"), o.string("git_url"), o.string("default_branch"),
                o.string("created_at"), prefix);
    }

    void write(RigLayout rig) {
        JsonFiles.write(rig.configJson(), toJson());
    }
}
