package dev.gastown.core.town;

import dev.gastown.beads.json.JsonObject;

/** One rig in {@code mayor/rigs.json}: where its code comes from and the prefix of its beads. */
public record RigEntry(String name, String gitUrl, String addedAt, String beadsPrefix) {

    JsonObject toJson() {
        return new JsonObject().put("git_url", gitUrl).put("added_at", addedAt)
                .put("beads", new JsonObject().put("repo", "").put("prefix", beadsPrefix));
    }

    static RigEntry fromJson(String name, JsonObject o) {
        String prefix = o.find("beads").map(b -> b.asObject().string("prefix")).orElse("");
        return new RigEntry(name, o.string("git_url"), o.string("added_at"), prefix);
    }
}
