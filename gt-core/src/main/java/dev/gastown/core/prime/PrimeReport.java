package dev.gastown.core.prime;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.Issue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.mail.Message;
import dev.gastown.core.work.HookState;
import dev.gastown.core.work.HookView;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code gt prime} tells an agent, in the order it is told: who it is (and whether its location
 * contradicts that), its role, notes its previous session left, the work on its hook and the step to run now (a
 * patrol cycle started for it if need be), its unread mail, the Mayor's open escalations, and what to do when the
 * hook is empty.
 *
 * @param patrol a patrol cycle this prime poured and hooked
 * @param patrolError why the patrol cycle could not be started
 * @param escalations open escalations; present for the Mayor only
 */
public record PrimeReport(Address agent, long pid, String session, Optional<String> warning, String roleContext,
        List<Message> handoffs, HookView work, Optional<Patrols.Started> patrol, Optional<String> patrolError,
        List<Message> unread, Optional<List<Issue>> escalations) {

    public static final String HANDOFF_SUBJECT = "🤝 HANDOFF";

    public PrimeReport {
        handoffs = List.copyOf(handoffs);
        unread = List.copyOf(unread);
    }

    public HookState state() {
        return HookState.of(work);
    }

    /** The instruction for the hooked work; empty when the hook is empty. */
    public Optional<String> workDirective() {
        return state() == HookState.EMPTY ? Optional.empty() : Optional.of(Directives.work(agent, work, state()));
    }

    /** The instruction for an empty hook; empty when there is work. */
    public Optional<String> startupDirective() {
        return state() == HookState.EMPTY ? Optional.of(Directives.startup(agent)) : Optional.empty();
    }

    public String identityLine() {
        return "[GAS TOWN] role:" + agent + " pid:" + pid + " session:" + session;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(identityLine()).append("\n\n");
        warning.ifPresent(w -> sb.append("⚠️  ROLE/LOCATION MISMATCH ⚠️\n").append(w).append("\n\n"));
        sb.append(roleContext.strip()).append("\n\n");
        if (!handoffs.isEmpty()) {
            sb.append("## 🤝 Handoff from your previous session\n\n");
            for (Message m : handoffs) {
                sb.append("### ").append(m.subject()).append(" (").append(m.id()).append(", ").append(m.createdAt())
                        .append(")\n\n").append(m.body().strip()).append("\n\n");
            }
            sb.append("Carry on from these notes. Acknowledge each one once absorbed: `gt mail ack ID`.\n\n");
        }
        patrolError.ifPresent(e -> sb.append("## ⚠️ Patrol not started\n\n").append(e).append("\n\n"));
        workDirective().ifPresent(d -> {
            sb.append("## 🚨 AUTONOMOUS WORK MODE 🚨\n\n");
            patrol.ifPresent(p -> sb.append("A new patrol cycle was started: ").append(p.formula())
                    .append(" poured as wisp ").append(p.moleculeId()).append(" and hung on your hook.\n\n"));
            sb.append("Work is on your hook, so it runs now: no waiting for confirmation, no asking whether to start,"
                    + " no check-in first.\n\n").append(d).append("\n\n");
            work.lines().forEach(l -> sb.append(l).append('\n'));
            sb.append('\n');
        });
        sb.append("## 📬 Mail: ").append(unread.size()).append(" unread\n\n");
        for (Message m : unread) {
            sb.append("- ").append(m.id()).append(" from ").append(m.from()).append(": ").append(m.subject())
                    .append('\n');
        }
        if (!unread.isEmpty()) {
            sb.append("\nRead with `gt mail read ID`; acknowledge with `gt mail ack ID` once handled.\n");
        }
        sb.append('\n');
        escalations.ifPresent(list -> {
            sb.append("## 🚩 Escalations: ").append(list.size()).append(" open\n\n");
            for (Issue i : list) {
                sb.append("- ").append(i.id()).append(" [P").append(i.priority()).append("] ").append(i.title())
                        .append('\n');
            }
            if (!list.isEmpty()) {
                sb.append("\nDecide each one, or ask the Overseer when the decision is theirs; close it with"
                        + " `bd close ID --reason \"<decision>\"`.\n");
            }
            sb.append('\n');
        });
        startupDirective().ifPresent(d -> sb.append("## Startup\n\n").append(d).append('\n'));
        return sb.toString().stripTrailing() + "\n";
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.put("identity", new JsonObject().put("address", agent.toString()).put("role", agent.role().key())
                .put("pid", pid).put("session", session));
        o.put("warning", orNull(warning));
        o.put("role_context", roleContext);
        JsonArray h = new JsonArray();
        handoffs.forEach(m -> h.add(m.toJson()));
        o.put("handoffs", h);
        o.put("work", workDirective().<JsonValue>map(d -> {
            JsonObject w = new JsonObject().put("state", state().key()).put("directive", d)
                    .put("hook", work.toJson());
            work.step().ifPresent(s -> w.put("step", new JsonObject().put("id", s.id()).put("title", s.title())
                    .put("status", s.status().name()).put("description", s.description())));
            return w;
        }).orElse(JsonNull.INSTANCE));
        if (patrol.isPresent() || patrolError.isPresent()) {
            JsonObject p = new JsonObject();
            patrol.ifPresent(s -> p.put("formula", s.formula()).put("molecule_id", s.moleculeId()));
            patrolError.ifPresent(e -> p.put("error", e));
            o.put("patrol", p);
        }
        JsonArray messages = new JsonArray();
        unread.forEach(m -> messages.add(new JsonObject().put("id", m.id()).put("from", m.from())
                .put("subject", m.subject()).put("priority", m.priority()).put("timestamp", m.createdAt())));
        o.put("mail", new JsonObject().put("unread", unread.size()).put("messages", messages));
        escalations.ifPresent(list -> {
            JsonArray a = new JsonArray();
            list.forEach(i -> a.add(new JsonObject().put("id", i.id()).put("title", i.title())
                    .put("priority", i.priority()).put("created_at", i.createdAt().text())));
            o.put("escalations", a);
        });
        o.put("startup", orNull(startupDirective()));
        return o;
    }

    private static JsonValue orNull(Optional<String> s) {
        return s.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE);
    }
}
