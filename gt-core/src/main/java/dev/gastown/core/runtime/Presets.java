package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownSettings;
import dev.gastown.tmux.AgentPreset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agent presets a town knows: the shipped ones ({@code presets/agents.json}) with the town's own
 * ({@code settings/config.json} {@code agents}) laid over them key by key, new ones built from their own keys and
 * the neutral defaults (no arguments, no resume, no ready prompt...), and which one runs a given agent: the
 * role's choice, else the rig's, else the town's default, where {@code auto} means the first agent CLI installed on
 * this machine, else the scripted agent.
 */
public final class Presets {
    public static final String SCRIPTED = "scripted";
    private static final List<String> AUTO_ORDER = List.of("claude", "codex", "gemini", "amp", "opencode");

    private final Map<String, AgentPreset> presets;
    private final TownSettings settings;
    private final String path;

    private Presets(Map<String, AgentPreset> presets, TownSettings settings, String path) {
        this.presets = presets;
        this.settings = settings;
        this.path = path;
    }

    public static Presets load(Town town, String path) {
        TownSettings settings = TownSettings.read(town);
        JsonObject shipped = shipped();
        Map<String, AgentPreset> out = new TreeMap<>();
        for (var e : shipped.entries()) {
            JsonObject merged = e.getValue().asObject();
            JsonObject override = settings.agents().find(e.getKey()).map(JsonValue::asObject).orElse(null);
            out.put(e.getKey(), parse(e.getKey(), override == null ? merged : overlay(merged, override)));
        }
        for (var e : settings.agents().entries()) {
            if (!out.containsKey(e.getKey())) {
                // a new preset: its own fields over the neutral defaults, nothing borrowed from another preset
                out.put(e.getKey(), parse(e.getKey(), e.getValue().asObject()));
            }
        }
        return new Presets(out, settings, path);
    }

    public Map<String, AgentPreset> all() {
        return presets;
    }

    public AgentPreset get(String name) {
        AgentPreset p = presets.get(name);
        if (p == null) {
            throw new GtException("unknown agent preset \"" + name + "\" (known: " + String.join(", ",
                    presets.keySet()) + "; add one under \"agents\" in settings/config.json)");
        }
        return p;
    }

    /** The preset that runs {@code who}. */
    public AgentPreset forAgent(Town town, Address who) {
        String choice = settings.roleAgents().get(who.role().key());
        if (choice == null) {
            choice = who.rig().map(r -> Rig.load(town, r).settings().agent()).filter(s -> !s.isEmpty())
                    .orElse(settings.defaultAgent());
        }
        return get(choice.equals(TownSettings.AUTO) ? autoChoice() : choice);
    }

    /** The first shipped agent CLI found on the PATH, else the scripted agent. */
    public String autoChoice() {
        for (String name : AUTO_ORDER) {
            AgentPreset p = presets.get(name);
            if (p != null && onPath(p.command(), path).isPresent()) {
                return name;
            }
        }
        return SCRIPTED;
    }

    /** Where {@code command} (a name without a slash) is an executable in the directories of {@code path}. */
    public static Optional<Path> onPath(String command, String path) {
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Optional.of(Path.of(dir, command));
            }
        }
        return Optional.empty();
    }

    private static JsonObject shipped() {
        try (InputStream in = Presets.class.getResourceAsStream("/presets/agents.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource presets/agents.json");
            }
            return JsonParser.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject overlay(JsonObject base, JsonObject over) {
        JsonObject out = new JsonObject();
        base.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        over.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static AgentPreset parse(String name, JsonObject o) {
        if (!(o.find("command").orElse(null) instanceof JsonString c) || c.value().isBlank()) {
            throw new GtException("agent preset \"" + name + "\" has no \"command\": give the program to run under"
                    + " agents." + name + " in settings/config.json");
        }
        try {
            List<AgentPreset.Dialog> dialogs = new ArrayList<>();
            o.find("dialogs").ifPresent(d -> d.asArray().forEach(x -> dialogs.add(new AgentPreset.Dialog(
                    x.asObject().string("contains"), strings(x.asObject(), "keys")))));
            Map<String, String> env = new TreeMap<>();
            o.find("env").ifPresent(e -> e.asObject().entries().forEach(x -> env.put(x.getKey(),
                    x.getValue().asString())));
            return new AgentPreset(name, o.string("command"), strings(o, "args"),
                    o.find("prompt_as_argument").map(JsonValue::asBoolean).orElse(true), strings(o, "resume_args"),
                    strings(o, "fork_args"), strings(o, "ask_args"), o.string("ready_prompt"),
                    o.string("busy_marker"), o.find("ready_delay_ms").map(JsonValue::asLong).orElse(5000L).intValue(),
                    dialogs, env, strings(o, "unset_env"), o.find("hooks").map(JsonValue::asBoolean).orElse(false));
        } catch (RuntimeException e) {
            throw new GtException("agent preset \"" + name + "\" is malformed: " + e.getMessage());
        }
    }

    private static List<String> strings(JsonObject o, String key) {
        return o.find(key).map(v -> v.asArray().items().stream().map(JsonValue::asString).toList())
                .orElse(List.of());
    }
}
