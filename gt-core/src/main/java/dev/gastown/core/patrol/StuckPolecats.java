package dev.gastown.core.patrol;

import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.escalation.Escalations;
import dev.gastown.core.escalation.Severity;
import dev.gastown.core.identity.Address;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.runtime.AgentProgress;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.Nudges;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import dev.gastown.tmux.Nudger;
import dev.gastown.tmux.Pane;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Witness's watch over working polecats: one whose session runs but shows no progress on its hooked work (no
 * bead or step update, no new output) for the stuck period is nudged, once per period; after twice that it is
 * escalated, once per piece of work. Dead sessions are the daemon's business, not the Witness's. What was done is
 * kept on the polecat's agent bead ({@code witness_nudged}, {@code witness_escalated}), so a restarted Witness does
 * not repeat itself.
 */
public final class StuckPolecats {
    static final String NUDGED = "witness_nudged";
    static final String ESCALATED = "witness_escalated";

    private final AgentSessions sessions;
    private final Duration stuck;

    public StuckPolecats(AgentSessions sessions, Duration stuck) {
        this.sessions = sessions;
        this.stuck = stuck;
    }

    public List<WitnessSweep.Action> check(String rig, Instant now) {
        Address witness = new Address.Witness(rig);
        Agents agents = new Agents(sessions.ledger());
        List<WitnessSweep.Action> out = new ArrayList<>();
        for (String name : FileTrees.namedChildren(Rig.load(sessions.ledger().town(), rig).layout().polecatsDir())) {
            Address.Polecat p = new Address.Polecat(rig, name);
            Optional<Hooked> work = new Hooks(sessions.ledger()).find(p).filter(h -> !h.complete());
            Optional<Pane> pane = sessions.running(p).filter(x -> !x.dead());
            if (work.isEmpty() || pane.isEmpty()) {
                continue;
            }
            Duration quiet = Duration.between(AgentProgress.last(sessions, p, work.get(), pane.get()), now);
            Optional<AgentRecord> record = agents.find(p);
            String hook = work.get().id();
            if (quiet.compareTo(stuck.multipliedBy(2)) >= 0
                    && !record.flatMap(r -> r.field(ESCALATED)).orElse("").equals(hook)) {
                new Escalations(sessions.ledger(), new Mailboxes(sessions.ledger())).escalate(witness,
                        "stuck polecat: " + p, Severity.MEDIUM, p + " has made no progress on " + hook + " for "
                                + quiet.toMinutes() + " min, and a nudge did not help. Look with gt peek " + p
                                + "; gt handoff or a restart (gt polecat restart) often unsticks it.");
                agents.setField(p, ESCALATED, hook);
                out.add(new WitnessSweep.Action("escalate", p.toString(), "no progress on " + hook + " for "
                        + quiet.toMinutes() + " min"));
            } else if (quiet.compareTo(stuck) >= 0 && nudgeDue(record, now)) {
                new Nudges(sessions, sessions.ledger()).send(witness, p, "WITNESS: no progress on " + hook + " for "
                        + quiet.toMinutes() + " min. Run `gt hook` and carry on with the current step, or ask for"
                        + " help: gt mail send " + witness + " -s \"HELP: <what blocks you>\"",
                        Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(2), false);
                agents.setField(p, NUDGED, now.toString());
                out.add(new WitnessSweep.Action("nudge", p.toString(), "no progress on " + hook + " for "
                        + quiet.toMinutes() + " min"));
            }
        }
        return out;
    }

    private boolean nudgeDue(Optional<AgentRecord> record, Instant now) {
        Optional<String> last = record.flatMap(r -> r.field(NUDGED));
        try {
            return last.isEmpty() || !Instant.parse(last.get()).plus(stuck).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
