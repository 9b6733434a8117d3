package dev.gastown.core.agents;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Agent beads, all in the town's store: one per agent, created when the agent first exists, holding its state
 * ({@code agent_state}), its hook ({@code hook_bead}, which may name a bead in any rig's store) and a few
 * description fields ({@code cleanup_status}, {@code active_mr}, {@code notification_level}).
 */
public final class Agents {
    private final Ledger ledger;

    public Agents(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The agent's bead, created (idle) if it does not exist yet. */
    public AgentRecord ensure(Address a) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> AgentRecord.of(a, ensure(tx, hq, a)));
    }

    /** {@link #ensure(Address)} inside a transaction the caller holds on the town store. */
    public static Issue ensure(StoreTransaction tx, BeadsContext hq, Address a) {
        String id = AgentBeadIds.of(a);
        Optional<Issue> existing = tx.find(id).filter(i -> !i.status().equals(Status.TOMBSTONE));
        if (existing.isPresent()) {
            Issue bead = existing.get();
            return bead.status().equals(Status.CLOSED) ? Updates.apply(tx, hq, id,
                    new IssueUpdate().status(Status.OPEN).agentState(AgentState.IDLE.key())) : bead;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("role_type", a.role().key());
        fields.put("rig", a.rig().orElse(null));
        fields.put("role_bead", AgentBeadIds.roleBead(a.role()));
        fields.put("notification_level", "normal");
        IssueFactory.create(tx, hq, new NewIssue(a.toString()).id(id).type(IssueType.AGENT)
                .description(Fields.render(fields)).roleType(a.role().key()).rig(a.rig().orElse("")));
        return Updates.apply(tx, hq, id, new IssueUpdate().agentState(AgentState.IDLE.key())
                .roleBead(AgentBeadIds.roleBead(a.role())));
    }

    public Optional<AgentRecord> find(Address a) {
        BeadsContext hq = ledger.hq();
        return ledger.read(hq, v -> v.find(AgentBeadIds.of(a))
                .filter(i -> !i.status().equals(Status.TOMBSTONE))
                .map(i -> AgentRecord.of(a, i)));
    }

    public AgentRecord get(Address a) {
        return find(a).orElseThrow(() -> new GtException("no agent bead for " + a + " (" + AgentBeadIds.of(a)
                + "); is the address right?"));
    }

    public AgentRecord setState(Address a, AgentState state) {
        return update(a, new IssueUpdate().agentState(state.key()));
    }

    /** Records {@code beadId} as the agent's hook; empty clears it. */
    public AgentRecord setHook(Address a, String beadId) {
        return update(a, new IssueUpdate().hookBead(beadId == null ? "" : beadId));
    }

    /** Sets one description field ({@code cleanup_status}, {@code active_mr}...). */
    public AgentRecord setField(Address a, String key, String value) {
        return setFields(a, Map.of(key, value));
    }

    /** Sets several description fields in one write. */
    public AgentRecord setFields(Address a, Map<String, String> fields) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> {
            Issue bead = ensure(tx, hq, a);
            String description = bead.description();
            for (Map.Entry<String, String> f : new TreeMap<>(fields).entrySet()) {
                description = Fields.set(description, f.getKey(), f.getValue());
            }
            return AgentRecord.of(a, Updates.apply(tx, hq, bead.id(), new IssueUpdate().description(description)));
        });
    }

    /** Closes the agent's bead (the agent is gone; a new one with the same name reopens it). */
    public void retire(Address a, String reason) {
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> {
            tx.find(AgentBeadIds.of(a)).filter(i -> !i.status().equals(Status.CLOSED)
                    && !i.status().equals(Status.TOMBSTONE)).ifPresent(i -> {
                        Updates.apply(tx, hq, i.id(), new IssueUpdate().agentState(AgentState.DEAD.key()).hookBead(""));
                        Closing.close(tx, hq, i.id(), reason, true);
                    });
            return null;
        });
    }

    /** Every open agent bead whose id parses to an address. */
    public List<AgentRecord> all() {
        BeadsContext hq = ledger.hq();
        return ledger.read(hq, v -> {
            List<AgentRecord> out = new ArrayList<>();
            for (String id : v.idsWithPrefix(AgentBeadIds.TOWN_PREFIX + "-")) {
                AgentBeadIds.parse(id).ifPresent(a -> v.find(id)
                        .filter(i -> i.issueType().equals(IssueType.AGENT) && !i.status().equals(Status.CLOSED)
                                && !i.status().equals(Status.TOMBSTONE))
                        .ifPresent(i -> out.add(AgentRecord.of(a, i))));
            }
            return out;
        });
    }

    private AgentRecord update(Address a, IssueUpdate u) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> {
            ensure(tx, hq, a);
            return AgentRecord.of(a, Updates.apply(tx, hq, AgentBeadIds.of(a), u));
        });
    }
}
