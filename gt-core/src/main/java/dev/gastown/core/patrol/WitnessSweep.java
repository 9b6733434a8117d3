package dev.gastown.core.patrol;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.workers.Polecats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mechanical part of a Witness patrol cycle, as one command ({@code gt witness sweep}): answer the inbox
 * (POLECAT_DONE and MERGED are noted, MERGE_FAILED is left to the polecat the engine told, HELP goes to the Mayor,
 * STRANDED work is re-slung once), remove every polecat whose work is finished and merged, and nudge, then escalate,
 * polecats that make no progress. Removal goes through {@link Polecats#nuke} without force, so a polecat with
 * uncommitted changes, unmerged commits or hooked work is kept and reported.
 */
public final class WitnessSweep {
    /** Something the sweep did. */
    public record Action(String kind, String target, String detail) {
        public JsonObject toJson() {
            return new JsonObject().put("action", kind).put("target", target).put("detail", detail);
        }
    }

    private final AgentSessions sessions;
    private final Ledger ledger;
    private final StrandedResling stranded;
    private final StuckPolecats stuck;

    public WitnessSweep(AgentSessions sessions, FormulaPours formulas, Duration stuckAfter) {
        this.sessions = sessions;
        this.ledger = sessions.ledger();
        this.stranded = new StrandedResling(sessions, formulas);
        this.stuck = new StuckPolecats(sessions, stuckAfter);
    }

    public List<Action> sweep(String rig, Instant now) {
        Address witness = new Address.Witness(rig);
        List<Action> out = new ArrayList<>();
        Mailboxes mail = new Mailboxes(ledger);
        for (Message m : mail.inbox(witness, false)) {
            String subject = m.subject();
            if (subject.startsWith("HELP")) {
                mail.send(Outgoing.notice(witness, Address.MAYOR, subject + " (from " + m.from() + ")", m.body()));
                out.add(new Action("forward", m.from(), subject + " → mayor/"));
            } else if (subject.startsWith(StrandedResling.SUBJECT)) {
                out.add(stranded.handle(m, rig));
            } else {
                out.add(new Action("read", m.from(), subject));
            }
            mail.ack(List.of(m.id()));
        }
        Polecats polecats = new Polecats(ledger);
        for (Polecats.Status s : polecats.list(rig)) {
            if (s.state() != AgentState.DONE || !s.hook().isEmpty()) {
                continue;
            }
            Address.Polecat p = s.polecat().address();
            if (s.uncommitted() > 0 || s.unmerged() > 0) {
                out.add(new Action("keep", p.toString(), s.uncommitted() + " uncommitted file(s), " + s.unmerged()
                        + " commit(s) not merged yet"));
                continue;
            }
            try {
                sessions.stop(p, "finished and merged");
                polecats.nuke(p, false);
                out.add(new Action("nuke", p.toString(), "work merged; worktree and branch removed"));
            } catch (GtException e) {
                out.add(new Action("keep", p.toString(), e.getMessage()));
            }
        }
        out.addAll(stuck.check(rig, now));
        new EventLog(ledger.town()).append("patrol_sweep", witness.toString(), new JsonObject().put("rig", rig)
                .put("actions", out.size()));
        return out;
    }
}
