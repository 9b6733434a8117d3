package dev.gastown.core.prime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.Hooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gt prime}: what an agent reads at the start of every session (and after every compaction) to know who it
 * is and what to do. Priming also records the session: the agent bead goes to {@code running} and a
 * {@code session_start} event is appended. A patrol role with nothing unfinished on its hook gets a new cycle.
 */
public final class Prime {
    public static final String ESCALATION_LABEL = "escalation";

    private Prime() {
    }

    /**
     * Who is priming and from where.
     *
     * @param env the process environment (GT_ROLE decides the identity; the location is checked against it)
     * @param session the agent CLI's session id; empty when unknown
     */
    public record Request(Address agent, Map<String, String> env, Path cwd, long pid, String session) {
        public Request {
            env = Map.copyOf(env);
            session = session == null ? "" : session;
        }

        /** The session id, or {@code ADDRESS-PID} when the agent CLI did not give one. */
        public String sessionOrFallback() {
            return session.isBlank() ? agent + "-" + pid : session;
        }
    }

    public static PrimeReport run(Ledger ledger, FormulaPours formulas, Request r) {
        Address me = r.agent();
        if (me.role() == Role.OVERSEER) {
            throw new GtException("gt prime is for agents, and you are the overseer: set GT_ROLE, or run it in an"
                    + " agent's home (gt whoami shows who gt thinks you are)");
        }
        Optional<String> warning = LocationCheck.mismatch(ledger.town(), r.env(), r.cwd(), me);
        String session = r.sessionOrFallback();
        new Agents(ledger).setState(me, AgentState.RUNNING);
        new EventLog(ledger.town()).append("session_start", me.toString(), new JsonObject()
                .put("session_id", session).put("address", me.toString()).put("pid", r.pid())
                .put("cwd", r.cwd().toAbsolutePath().normalize().toString()));
        String context = RoleTemplates.render(ledger.town(), me);

        Hooks hooks = new Hooks(ledger);
        Optional<Hooked> hooked = unfinished(hooks, me);
        Optional<Patrols.Started> patrol = Optional.empty();
        Optional<String> patrolError = Optional.empty();
        if (hooked.isEmpty() && Patrols.formula(me.role()).isPresent()) {
            try {
                patrol = Patrols.start(ledger, formulas, me);
            } catch (RuntimeException e) {
                // the agent must still get its context and mail; the error is part of what it reads
                patrolError = Optional.of("Could not start " + Patrols.formula(me.role()).orElseThrow() + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            hooked = unfinished(hooks, me);
        }
        HookView work = HookView.of(me, hooked);

        List<Message> unread = new Mailboxes(ledger).inbox(me, false);
        List<Message> handoffs = unread.stream().filter(m -> m.subject().startsWith(PrimeReport.HANDOFF_SUBJECT))
                .toList();
        Optional<List<Issue>> escalations = me.role() == Role.MAYOR ? Optional.of(openEscalations(ledger))
                : Optional.empty();
        return new PrimeReport(me, r.pid(), session, warning, context, handoffs, work, patrol, patrolError, unread,
                escalations);
    }

    private static Optional<Hooked> unfinished(Hooks hooks, Address me) {
        return hooks.find(me).filter(h -> !h.complete());
    }

    /** Open tasks in the town's store labelled {@value #ESCALATION_LABEL}, most urgent first, then oldest first. */
    static List<Issue> openEscalations(Ledger ledger) {
        BeadsContext hq = ledger.hq();
        return ledger.read(hq, v -> {
            List<String> ids = new ArrayList<>();
            v.forEachActive(row -> {
                if (row.type().equals(IssueType.TASK) && row.labels().contains(ESCALATION_LABEL)) {
                    ids.add(row.id());
                }
            });
            List<Issue> out = new ArrayList<>();
            ids.forEach(id -> v.find(id).ifPresent(out::add));
            out.sort(Comparator.comparingInt(Issue::priority).thenComparing(Issue::createdAt)
                    .thenComparing(Issue::id));
            return out;
        });
    }
}
