package dev.gastown.beads.ops;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.beads.store.StoreView;
import java.util.Locale;

/** An agent bead's state and its two slots: the work on its hook and its role definition. */
public final class AgentSlots {
    private AgentSlots() {
    }

    /** The two slots of an agent bead. */
    public enum Slot {
        HOOK, ROLE;

        public static Slot parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("invalid slot \"" + s + "\" (use hook or role)");
            }
        }
    }

    public static Issue setState(StoreTransaction tx, BeadsContext ctx, String agentId, String state) {
        requireAgent(tx, agentId);
        return Updates.apply(tx, ctx, agentId, new IssueUpdate().agentState(state));
    }

    /** Puts {@code beadId} in the slot (empty clears it). The bead must exist when set. */
    public static Issue set(StoreTransaction tx, BeadsContext ctx, String agentId, Slot slot, String beadId) {
        requireAgent(tx, agentId);
        if (!beadId.isEmpty() && !tx.contains(beadId)) {
            throw new InvalidInputException("issue not found: " + beadId);
        }
        IssueUpdate u = slot == Slot.HOOK ? new IssueUpdate().hookBead(beadId) : new IssueUpdate().roleBead(beadId);
        return Updates.apply(tx, ctx, agentId, u);
    }

    public static String get(StoreView view, String agentId, Slot slot) {
        Issue agent = requireAgent(view, agentId);
        return slot == Slot.HOOK ? agent.hookBead() : agent.roleBead();
    }

    private static Issue requireAgent(StoreView view, String agentId) {
        Issue agent = view.get(agentId);
        if (!agent.issueType().equals(IssueType.AGENT)) {
            throw new InvalidInputException(agentId + " is not an agent bead (type " + agent.issueType() + ")");
        }
        return agent;
    }
}
