package dev.gastown.core.work;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.mol.Molecules;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code gt mol}: the molecule on an agent's hook, worked with the same store operations as {@code bd close
 * --continue}, {@code bd mol squash} and {@code bd mol burn}. When the molecule is the hooked bead itself and it
 * ends (its last step closes, it is squashed or burned), the hook is cleared, so the agent's next {@code gt prime}
 * sees an empty hook rather than finished work.
 */
public final class HookedMolecules {
    private final Ledger ledger;

    public HookedMolecules(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What happens after a step is done. */
    public enum Action {
        /** The next ready step was claimed: run it. */
        CONTINUE,
        /** No open step is left. */
        COMPLETE,
        /** Steps remain open but none is ready: they wait on something. */
        WAIT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The outcome of {@link #stepDone}: the step, its molecule, whether this call closed the step (false when it was
     * already closed), the step claimed next, and whose hook was cleared because the molecule ended.
     */
    public record StepDone(String stepId, String moleculeId, boolean stepClosed, Optional<Issue> next, Action action,
            Optional<Address> unhooked) {

        public boolean complete() {
            return action == Action.COMPLETE;
        }

        public JsonObject toJson() {
            JsonObject o = new JsonObject().put("step_id", stepId).put("molecule_id", moleculeId)
                    .put("step_closed", stepClosed);
            next.ifPresent(n -> o.put("next_step_id", n.id()).put("next_step_title", n.title()));
            return o.put("complete", complete()).put("action", action.key());
        }
    }

    /**
     * Closes {@code stepId} and claims the molecule's next ready step, in one transaction. With no ready step, a step
     * the caller already has in progress is the next one (so repeating the call after a crash says the same thing).
     * When no step is left open and the molecule's root hangs on a hook, the root is closed too and taken off that
     * hook.
     */
    public StepDone stepDone(String stepId) {
        BeadsContext store = ledger.owning(stepId);
        StepDone done = ledger.write(store, tx -> {
            Issue step = tx.find(stepId).orElseThrow(() -> new GtException("no step " + stepId + " in "
                    + store.store().dir().path()));
            String root = Molecules.rootOf(tx, stepId).orElseThrow(() -> new GtException(stepId
                    + " is not a step of a molecule (it has no parent); close it with bd close"));
            boolean closing = !step.status().isTerminal();
            if (closing) {
                Closing.close(tx, store, stepId, "", false);
            }
            Optional<IssueSummary> ready = Molecules.nextReady(tx, root, stepId);
            if (ready.isPresent()) {
                Issue claimed = Updates.apply(tx, store, ready.get().id(), new IssueUpdate().claim());
                return new StepDone(stepId, root, closing, Optional.of(claimed), Action.CONTINUE, Optional.empty());
            }
            Molecules.Progress p = Molecules.progress(tx, root);
            Optional<Issue> mine = p.current().stream().map(tx::get)
                    .filter(i -> i.assignee().equals(store.actor())).findFirst();
            if (mine.isPresent()) { // a repeated call after the step was closed: the step claimed then is next
                return new StepDone(stepId, root, closing, mine, Action.CONTINUE, Optional.empty());
            }
            if (p.done() < p.total()) {
                return new StepDone(stepId, root, closing, Optional.empty(), Action.WAIT, Optional.empty());
            }
            Issue rootIssue = tx.get(root);
            Optional<Address> owner = Optional.empty();
            if (rootIssue.status().equals(Status.HOOKED)) {
                owner = address(rootIssue.assignee());
                Closing.close(tx, store, root, "molecule complete", true);
            }
            return new StepDone(stepId, root, closing, Optional.empty(), Action.COMPLETE, owner);
        });
        done.unhooked().ifPresent(who -> unhookIfHanging(who, done.moleculeId()));
        return done;
    }

    /** Squashes the molecule on {@code who}'s hook into a digest ({@code summary}, or one generated from its steps). */
    public Squashing.Squashed squash(Address who, String summary) {
        Hooked h = hooked(who);
        String mol = molecule(who, h);
        BeadsContext store = ledger.owning(mol);
        Squashing.Squashed s = ledger.write(store, tx -> Squashing.squash(tx, store, mol, summary, false));
        if (mol.equals(h.id())) {
            new Hooks(ledger).unhook(who);
        }
        return s;
    }

    /**
     * Removes the molecule on {@code who}'s hook without a digest. A persistent molecule needs {@code force}. A
     * molecule attached to the hooked bead is detached; the bead stays on the hook.
     */
    public Squashing.Burned burn(Address who, boolean force) {
        Hooked h = hooked(who);
        String mol = molecule(who, h);
        BeadsContext store = ledger.owning(mol);
        Squashing.Burned b = ledger.write(store, tx -> Squashing.burn(tx, store, mol, force));
        Hooks hooks = new Hooks(ledger);
        if (mol.equals(h.id())) {
            hooks.unhook(who);
        } else {
            hooks.setField(h.id(), "attached_molecule", null);
        }
        return b;
    }

    /** Counts of a molecule's steps (given its root or any of its steps), as {@code bd mol progress} gives them. */
    public JsonObject progress(String id) {
        BeadsContext store = ledger.owning(id);
        return ledger.read(store, v -> {
            if (!v.contains(id)) {
                throw new GtException("no molecule " + id + " in " + store.store().dir().path());
            }
            String root = Molecules.rootOrSelf(v, id);
            return Molecules.progress(v, root).toJson(v.get(root).title());
        });
    }

    private Hooked hooked(Address who) {
        return new Hooks(ledger).find(who).orElseThrow(() -> new GtException("nothing is on " + who + "'s hook"));
    }

    private static String molecule(Address who, Hooked h) {
        return h.molecule().orElseThrow(() -> new GtException(h.id() + " on " + who
                + "'s hook has no molecule (no attached_molecule, no steps)"));
    }

    private void unhookIfHanging(Address who, String root) {
        Hooks hooks = new Hooks(ledger);
        if (hooks.find(who).filter(h -> h.id().equals(root)).isPresent()) {
            hooks.unhook(who);
        }
    }

    private static Optional<Address> address(String assignee) {
        try {
            return assignee == null || assignee.isEmpty() ? Optional.empty() : Optional.of(Address.parse(assignee));
        } catch (GtException e) {
            return Optional.empty();
        }
    }
}
