package dev.gastown.core.town;

import dev.gastown.beads.json.JsonObject;

/** {@code mayor/town.json}, the town's identity and the marker that makes a directory a town. */
public record TownConfig(String name, String owner, String publicName, String createdAt) {
    static final int VERSION = 2;

    public JsonObject toJson() {
        return new JsonObject().put("type", "town").put("version", VERSION).put("name", name)
                .putIfNotEmpty("owner", owner).putIfNotEmpty("public_name", publicName).put("created_at", createdAt);
    }

    public static TownConfig fromJson(JsonObject o) {
        return new TownConfig(o.string("name"), o.string("owner"), o.string("public_name"), o.string("created_at"));
    }
}
