package dev.gastown.core.town;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <town>/settings/config.json}: which agent CLI runs each role, custom agent presets, and the daemon's
 * heartbeat. Missing keys take their defaults.
 *
 * @param defaultAgent the preset for roles without their own; {@code auto} picks the first installed agent CLI,
 *     else the scripted agent
 * @param roleAgents role name → preset name
 * @param agents custom or overriding presets, in the same shape as the shipped ones
 * @param heartbeat the daemon's interval between heartbeats
 */
public record TownSettings(String defaultAgent, Map<String, String> roleAgents, JsonObject agents,
        Duration heartbeat) {
    public static final String AUTO = "auto";

    public static TownSettings read(Town town) {
        JsonObject o = JsonFiles.readIfExists(town.settingsFile()).orElseGet(JsonObject::new);
        Map<String, String> roles = new LinkedHashMap<>();
        o.find("role_agents").ifPresent(r -> r.asObject().entries()
                .forEach(e -> roles.put(e.getKey(), e.getValue().asString())));
        JsonObject daemon = o.find("daemon").map(JsonValue::asObject).orElseGet(JsonObject::new);
        long seconds = daemon.find("heartbeat_seconds").map(JsonValue::asLong).orElse(180L);
        return new TownSettings(o.string("default_agent").isEmpty() ? AUTO : o.string("default_agent"),
                Map.copyOf(roles), o.find("agents").map(JsonValue::asObject).orElseGet(JsonObject::new),
                Duration.ofSeconds(seconds));
    }

    public void write(Town town) {
        JsonObject roles = new JsonObject();
        roleAgents.forEach(roles::put);
        JsonFiles.write(town.settingsFile(), new JsonObject().put("type", "town-settings").put("version", 1)
                .put("default_agent", defaultAgent).put("role_agents", roles).put("agents", agents)
                .put("daemon", new JsonObject().put("heartbeat_seconds", heartbeat.toSeconds())));
    }

    public TownSettings withDefaultAgent(String agent) {
        return new TownSettings(agent, roleAgents, agents, heartbeat);
    }

    public TownSettings withHeartbeat(Duration interval) {
        return new TownSettings(defaultAgent, roleAgents, agents, interval);
    }
}
