package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import dev.gastown.tmux.AgentPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Past agent sessions, from the {@code session_start} events that {@code gt prime} records with the session id the
 * agent CLI gave its hook (newest first), lookup by a unique prefix of an id, like a short git hash, and how to
 * resume one with its agent CLI.
 */
public final class Predecessors {
    /** One recorded session. */
    public record Past(String sessionId, String address, String startedAt, String cwd) {
        public JsonObject toJson() {
            return new JsonObject().put("session_id", sessionId).put("address", address).put("started_at", startedAt)
                    .put("cwd", cwd);
        }
    }

    /** A past session resumed as a fork: the command line, the directory it runs in, its whole environment. */
    public record Resumption(List<String> argv, Path dir, Map<String, String> env) {
        public Resumption {
            argv = List.copyOf(argv);
            env = Map.copyOf(env);
        }
    }

    private final Town town;

    public Predecessors(Town town) {
        this.town = town;
    }

    /** Sessions whose address contains {@code filter} (empty: all), newest first, at most {@code limit}. */
    public List<Past> list(String filter, int limit) {
        List<Past> out = new ArrayList<>();
        for (Event e : new EventLog(town).readAll()) {
            if (!e.type().equals("session_start")) {
                continue;
            }
            String id = e.payload().string("session_id");
            String address = e.payload().string("address").isEmpty() ? e.actor() : e.payload().string("address");
            if (!id.isEmpty() && address.contains(filter)) {
                out.add(new Past(id, address, e.ts(), e.payload().string("cwd")));
            }
        }
        Collections.reverse(out);
        return out.subList(0, Math.min(limit, out.size()));
    }

    public Past resolve(String idOrPrefix) {
        java.util.Map<String, Past> byId = new java.util.LinkedHashMap<>();
        for (Past p : list("", Integer.MAX_VALUE)) {
            if (p.sessionId().startsWith(idOrPrefix)) {
                byId.putIfAbsent(p.sessionId(), p);
            }
        }
        List<Past> hits = List.copyOf(byId.values());
        if (hits.isEmpty()) {
            throw new GtException("no recorded session starts with \"" + idOrPrefix + "\" (gt seance lists them)");
        }
        if (hits.size() > 1) {
            throw new GtException("\"" + idOrPrefix + "\" matches " + hits.size() + " sessions; give more of the id");
        }
        return hits.get(0);
    }

    /**
     * How {@code preset} resumes {@code past}: interactively, or to answer {@code question} and exit. It runs in the
     * session's recorded directory (the agent's home if that is gone), with {@code callerEnv} plus {@code GT_ROOT}
     * (so the CLI finds the town's files wherever it looks for them) and the agents' {@code PATH}, minus the
     * preset's {@code unset_env}; the command is looked up on that PATH. A preset that cannot resume, or cannot ask
     * one question, or whose command is not there, is refused by name.
     */
    public Resumption resumption(Past past, AgentPreset preset, Optional<String> question,
            Map<String, String> callerEnv, String agentPath) {
        if (!preset.canResume()) {
            throw new GtException("the " + preset.name() + " preset cannot resume past sessions: it has no"
                    + " resume_args (settings/config.json agents." + preset.name() + ")");
        }
        if (question.isPresent() && preset.askArgs().isEmpty()) {
            throw new GtException("the " + preset.name() + " preset cannot answer one question from a past session:"
                    + " it has no ask_args; resume it interactively with gt seance --talk " + past.sessionId()
                    + " (without -p)");
        }
        Address who = Address.parse(past.address());
        Path dir = past.cwd().isEmpty() || !Files.isDirectory(Path.of(past.cwd())) ? town.home(who)
                : Path.of(past.cwd());
        Map<String, String> env = new HashMap<>(callerEnv);
        env.put(TownLocator.GT_ROOT, town.root().toString());
        env.put("PATH", agentPath);
        preset.unsetEnv().forEach(env::remove);
        List<String> argv = new ArrayList<>(question.isPresent() ? preset.askArgv(past.sessionId(), question.get())
                : preset.resumeArgv(past.sessionId()));
        if (!argv.get(0).contains("/")) {
            argv.set(0, Presets.onPath(argv.get(0), agentPath).orElseThrow(() -> new GtException("cannot resume "
                    + past.sessionId() + " with the " + preset.name() + " preset: " + preset.command()
                    + " is not on the PATH (" + agentPath + ")")).toString());
        }
        return new Resumption(argv, dir, env);
    }
}
