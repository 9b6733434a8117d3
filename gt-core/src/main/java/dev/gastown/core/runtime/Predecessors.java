package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.town.Town;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Past agent sessions, from the {@code session_start} events that {@code gt prime} records with the session id the
 * agent CLI gave its hook (newest first), and lookup by a unique prefix of an id, like a short git hash.
 */
public final class Predecessors {
    /** One recorded session. */
    public record Past(String sessionId, String address, String startedAt, String cwd) {
        public JsonObject toJson() {
            return new JsonObject().put("session_id", sessionId).put("address", address).put("started_at", startedAt)
                    .put("cwd", cwd);
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
}
