package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.ledger.Notes;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import dev.gastown.core.work.Slung;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Deacon's feeder for stranded convoys ({@code gt convoy dispatch}): each stranded issue that belongs to a rig
 * goes to a fresh polecat of that rig, once. The issue's notes record the dispatch, so when the same issue is
 * stranded again (its polecat died or was removed before finishing) it is not slung in a loop: the rig's Witness is
 * told instead and decides.
 */
public final class ConvoyDispatch {
    static final String MARK = "Deacon: slung";

    /** What happened to one stranded issue. */
    public record Outcome(String convoy, String issue, String action, String detail) {
        public JsonObject toJson() {
            return new JsonObject().put("convoy", convoy).put("issue", issue).put("action", action)
                    .put("detail", detail);
        }
    }

    private final Ledger ledger;
    private final Address caller;
    private final Sling sling;
    private final Function<Slung, String> wake;

    /** {@code wake} starts or nudges the worker of a fresh sling and says which it did. */
    public ConvoyDispatch(Ledger ledger, Address caller, Sling sling, Function<Slung, String> wake) {
        this.ledger = ledger;
        this.caller = caller;
        this.sling = sling;
        this.wake = wake;
    }

    public List<Outcome> dispatch(boolean dryRun) {
        List<Outcome> out = new ArrayList<>();
        for (StrandedConvoy s : new ConvoyQueries(ledger).stranded()) {
            for (StrandedConvoy.Issue i : s.ready()) {
                out.add(dispatch(s.convoy(), i.issue(), dryRun));
            }
        }
        return out;
    }

    private Outcome dispatch(Convoy convoy, TrackedIssue t, boolean dryRun) {
        if (t.rig().isEmpty()) {
            return new Outcome(convoy.id(), t.id(), "skipped", "not in a rig: sling it by hand");
        }
        BeadsContext store = ledger.owning(t.id());
        String notes = ledger.read(store, v -> v.find(t.id()).map(Issue::notes).orElse(""));
        if (notes.contains(MARK)) {
            if (!dryRun) {
                new Mailboxes(ledger).send(Outgoing.notice(caller, new Address.Witness(t.rig()), "STRANDED: "
                        + t.id(), "Convoy " + convoy.id() + " (" + convoy.title() + "): " + t.id() + " was slung"
                        + " once and is stranded again (" + t.status() + ", " + (t.assignee().isEmpty()
                        ? "unassigned" : t.assignee()) + "). Look at it and re-sling or escalate."));
            }
            return new Outcome(convoy.id(), t.id(), "told-witness", "slung before; " + new Address.Witness(t.rig())
                    + " decides");
        }
        if (dryRun) {
            return new Outcome(convoy.id(), t.id(), "would-sling", t.rig());
        }
        try {
            Slung slung = sling.sling(new SlingRequest(List.of(t.id()), t.rig(), Map.of(), null, null, true, null,
                    true)).get(0);
            Notes.append(ledger, store, t.id(), MARK + " to " + slung.agent() + " for convoy " + convoy.id());
            return new Outcome(convoy.id(), t.id(), "slung", slung.agent() + ", " + wake.apply(slung));
        } catch (GtException e) {
            return new Outcome(convoy.id(), t.id(), "failed", e.getMessage());
        }
    }
}
