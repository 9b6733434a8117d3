package dev.gastown.core.town;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <town>/settings/config.json}: which agent CLI runs each role, and custom agent presets (the daemon's
 * timings in the same file are read by the daemon). Missing keys take their defaults.
 *
 * @param defaultAgent the preset for roles without their own; {@code auto} picks the first installed agent CLI,
 *     else the scripted agent
 * @param roleAgents role name → preset name
 * @param agents custom or overriding presets, in the same shape as the shipped ones
 */
public record TownSettings(String defaultAgent, Map<String, String> roleAgents, JsonObject agents) {
    public static final String AUTO = "auto";

    public static TownSettings read(Town town) {
        JsonObject o = JsonFiles.readIfExists(town.settingsFile()).orElseGet(JsonObject::new);
        Map<String, String> roles = new LinkedHashMap<>();
        o.find("role_agents").ifPresent(r -> r.asObject().entries()
                .forEach(e -> roles.put(e.getKey(), e.getValue().asString())));
        return new TownSettings(o.string("default_agent").isEmpty() ? AUTO : o.string("default_agent"),
                Map.copyOf(roles), o.find("agents").map(JsonValue::asObject).orElseGet(JsonObject::new));
    }
}
