package dev.gastown.core.patrol;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.GtException;
import dev.gastown.core.escalation.Escalations;
import dev.gastown.core.escalation.Severity;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.ledger.Notes;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import dev.gastown.core.work.Slung;
import dev.gastown.tmux.TmuxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Witness's answer to a {@code STRANDED: ISSUE} report (the Deacon's convoy dispatch sends one when an issue it
 * slung once is stranded again): re-sling it to a fresh polecat of the rig and start it, once; an issue stranded
 * after that goes to the Mayor and the Overseer as an escalation rather than round another loop.
 */
final class StrandedResling {
    static final String SUBJECT = "STRANDED: ";
    static final String MARK = "Witness: re-slung";

    private final AgentSessions sessions;
    private final FormulaPours formulas;

    StrandedResling(AgentSessions sessions, FormulaPours formulas) {
        this.sessions = sessions;
        this.formulas = formulas;
    }

    WitnessSweep.Action handle(Message m, String rig) {
        Ledger ledger = sessions.ledger();
        Address witness = new Address.Witness(rig);
        String id = m.subject().substring(SUBJECT.length()).strip();
        BeadsContext store;
        Optional<Issue> issue;
        try {
            store = ledger.owning(id);
            issue = ledger.read(store, v -> v.find(id));
        } catch (GtException e) {
            return new WitnessSweep.Action("read", m.from(), m.subject() + " (" + e.getMessage() + ")");
        }
        if (issue.isEmpty() || issue.get().status().equals(Status.CLOSED)) {
            return new WitnessSweep.Action("read", m.from(), m.subject() + " (no longer open)");
        }
        String notes = issue.get().notes();
        if (notes.contains(MARK)) {
            new Escalations(ledger, new Mailboxes(ledger)).escalate(witness, "stranded twice: " + id,
                    Severity.MEDIUM, id + " was re-slung once by " + witness + " and is stranded again. It needs a"
                            + " person or the Mayor: gt convoy status, gt show " + id + ".\n\n" + m.body());
            return new WitnessSweep.Action("escalate", id, "stranded again after a re-sling");
        }
        try {
            Slung slung = new Sling(ledger, formulas, witness).sling(new SlingRequest(List.of(id), rig, Map.of(),
                    null, null, true, null, true)).get(0);
            Notes.append(ledger, store, id, MARK + " to " + slung.agent());
            sessions.ensure(slung.agent(), witness, "assigned:" + id);
            return new WitnessSweep.Action("resling", id, "to " + slung.agent());
        } catch (GtException | TmuxException e) {
            return new WitnessSweep.Action("failed", id, "re-sling: " + e.getMessage());
        }
    }
}
