package dev.gastown.core.work;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.store.StoreView;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hook: work hangs on an agent as a bead with status {@code hooked} assigned to the agent's address, and the
 * agent bead's {@code hook_bead} names it. The agent bead is read first; if it names nothing valid, the agent's
 * stores are scanned, so a hook survives an agent bead that was never updated.
 */
public final class Hooks {
    private final Ledger ledger;

    public Hooks(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<Hooked> find(Address who) {
        Optional<AgentRecord> agent = new Agents(ledger).find(who);
        Optional<String> recorded = agent.flatMap(AgentRecord::hook);
        if (recorded.isPresent()) {
            Optional<Hooked> h = load(recorded.get()).filter(x -> who.toString().equals(x.bead().assignee()));
            if (h.isPresent()) {
                return h;
            }
        }
        for (BeadsContext store : storesOf(who)) {
            Optional<String> id = ledger.read(store, v -> scanHooked(v, who.toString()));
            if (id.isPresent()) {
                return load(id.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Hangs {@code beadId} on {@code who}. An unfinished bead already on the hook is refused unless {@code force}
     * (then it goes back to open); a finished one is simply replaced.
     */
    public Hooked hook(Address who, String beadId, boolean force) {
        Optional<Hooked> current = find(who);
        if (current.isPresent() && !current.get().id().equals(beadId)) {
            if (!current.get().complete() && !force) {
                throw new GtException(who + " already has " + current.get().id() + " on its hook (\""
                        + current.get().bead().title() + "\"); gt unsling it first, or use --force");
            }
            release(current.get());
        }
        BeadsContext store = ledger.owning(beadId);
        Issue bead = ledger.read(store, v -> v.find(beadId))
                .orElseThrow(() -> new GtException("no bead " + beadId));
        if (bead.status().equals(Status.CLOSED) || bead.status().equals(Status.TOMBSTONE)) {
            throw new GtException(beadId + " is " + bead.status() + "; only open work can go on a hook");
        }
        if (bead.status().equals(Status.PINNED) && !force) {
            throw new GtException(beadId + " is pinned; use --force to hook it anyway");
        }
        ledger.write(store, tx -> Updates.apply(tx, store, beadId,
                new IssueUpdate().status(Status.HOOKED).assignee(who.toString())));
        new Agents(ledger).setHook(who, beadId);
        new EventLog(ledger.town()).append("hook", ledger.actor(), new JsonObject().put("bead", beadId)
                .put("agent", who.toString()));
        return load(beadId).orElseThrow();
    }

    /** Takes the work off {@code who}'s hook: the bead goes back to open and unassigned unless it is done. */
    public Optional<Hooked> unhook(Address who) {
        Optional<Hooked> current = find(who);
        current.ifPresent(this::release);
        new Agents(ledger).setHook(who, "");
        current.ifPresent(h -> new EventLog(ledger.town()).append("unhook", ledger.actor(),
                new JsonObject().put("bead", h.id()).put("agent", who.toString())));
        return current;
    }

    /** Records a field (attached_molecule, attached_args) on a bead's description. */
    public void setField(String beadId, String key, String value) {
        BeadsContext store = ledger.owning(beadId);
        ledger.write(store, tx -> Updates.apply(tx, store, beadId, new IssueUpdate()
                .description(Fields.set(tx.get(beadId).description(), key, value))));
    }

    public Optional<Hooked> load(String beadId) {
        BeadsContext store;
        try {
            store = ledger.owning(beadId);
        } catch (GtException e) {
            return Optional.empty();
        }
        return ledger.read(store, v -> v.find(beadId).map(b -> new Hooked(b, store, molecule(v, b))));
    }

    private void release(Hooked h) {
        if (h.complete()) {
            return;
        }
        ledger.write(h.store(), tx -> Updates.apply(tx, h.store(), h.id(),
                new IssueUpdate().status(Status.OPEN).assignee("")));
    }

    private static Optional<String> molecule(StoreView v, Issue bead) {
        Optional<String> attached = Fields.get(bead.description(), "attached_molecule");
        if (attached.isPresent()) {
            return attached;
        }
        return v.children(bead.id()).isEmpty() ? Optional.empty() : Optional.of(bead.id());
    }

    private static Optional<String> scanHooked(StoreView v, String assignee) {
        List<String> hits = new ArrayList<>();
        v.forEachActive(row -> {
            if (row.status().equals(Status.HOOKED) && assignee.equals(row.assignee())) {
                hits.add(row.id());
            }
        });
        return hits.stream().sorted().findFirst();
    }

    private List<BeadsContext> storesOf(Address who) {
        List<BeadsContext> stores = new ArrayList<>();
        who.rig().ifPresent(r -> stores.add(ledger.rig(r)));
        stores.add(ledger.hq());
        return stores;
    }
}
