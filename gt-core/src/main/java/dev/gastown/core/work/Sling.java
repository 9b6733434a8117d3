package dev.gastown.core.work;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.workers.Dogs;
import dev.gastown.core.workers.Polecats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gt sling}: puts work on a hook. A rig as target spawns a fresh polecat per bead; {@code deacon/dogs} takes an
 * idle dog (or adds one); an address or {@code .} uses that agent. A bead is hooked as it is, with the role's workflow molecule attached (polecats walk
 * {@code mol-polecat-work}); a formula is poured as a wisp whose root is hooked, or attached to {@code --on}'s bead.
 * Untracked beads get a convoy. If anything fails after a polecat was spawned for it, the polecat is removed.
 */
public final class Sling {
    public static final String POLECAT_WORKFLOW = "mol-polecat-work";

    private final Ledger ledger;
    private final FormulaPours formulas;
    private final Address caller;

    public Sling(Ledger ledger, FormulaPours formulas, Address caller) {
        this.ledger = ledger;
        this.formulas = formulas;
        this.caller = caller;
    }

    public List<Slung> sling(SlingRequest r) {
        if (caller.role() == Role.POLECAT) {
            throw new GtException("polecats do not sling work; finish yours with gt done");
        }
        if (r.items().isEmpty()) {
            throw new GtException("nothing to sling: give bead ids or a formula name");
        }
        boolean toRig = RigRegistry.find(ledger.town(), r.target()).isPresent();
        boolean toKennel = !toRig && Dogs.isKennel(r.target());
        Address fixed = toRig || toKennel ? null : resolveTarget(r.target());
        if (r.items().size() > 1 && !toRig) {
            throw new GtException("several beads need a rig as target (one polecat each); "
                    + (toKennel ? "a dog" : fixed) + " has one hook");
        }
        String first = r.items().get(0);
        boolean formulaMode = r.items().size() == 1 && !beadExists(first);
        String rig = toRig ? r.target() : fixed == null ? null : fixed.rig().orElse(null);
        if (formulaMode && !formulas.exists(storeFor(rig), first)) {
            throw new GtException("\"" + first + "\" is neither a bead nor a formula on the search path");
        }
        if (toKennel || (fixed != null && fixed.role() == Role.DOG)) {
            Dogs dogs = new Dogs(ledger);
            try (StoreLock.Held kennel = dogs.lock()) { // the dog is picked and given the work as one step
                return List.of(slingOne(first, formulaMode, toKennel ? dogs.idleOrNew() : fixed, null, r));
            }
        }
        List<Slung> out = new ArrayList<>();
        for (String item : r.items()) {
            out.add(slingOne(item, formulaMode, toRig ? null : fixed, toRig ? r.target() : null, r));
        }
        return out;
    }

    private Slung slingOne(String item, boolean formulaMode, Address fixed, String rigTarget, SlingRequest r) {
        Polecats.Polecat spawned = rigTarget == null ? null : new Polecats(ledger).spawn(rigTarget, null);
        Address agent = spawned == null ? fixed : spawned.address();
        try {
            Slung s = formulaMode ? hookFormula(item, agent, r) : hookBead(item, agent, r);
            Slung result = new Slung(s.beadId(), agent, spawned != null,
                    spawned == null ? ledger.town().home(agent).toString() : spawned.dir().toString(), s.convoy(),
                    s.molecule());
            new Agents(ledger).setState(agent, AgentState.RUNNING);
            new EventLog(ledger.town()).append("sling", ledger.actor(), new JsonObject().put("bead", s.beadId())
                    .put("target", agent.toString()).put("convoy", s.convoy().orElse(""))
                    .put("molecule", s.molecule().orElse("")));
            return result;
        } catch (RuntimeException e) {
            if (spawned != null) {
                new Hooks(ledger).unhook(agent);
                new Polecats(ledger).nuke(spawned.address(), true);
            }
            throw e;
        }
    }

    private Slung hookBead(String beadId, Address agent, SlingRequest r) {
        Issue bead = ledger.read(ledger.owning(beadId), v -> v.get(beadId));
        Optional<String> molecule = Optional.empty();
        String workflow = r.molecule().isEmpty() ? (agent.role() == Role.POLECAT ? POLECAT_WORKFLOW : "")
                : r.molecule();
        Hooks hooks = new Hooks(ledger);
        hooks.hook(agent, beadId, r.force());
        if (!workflow.isEmpty() && !workflow.equals("none")) {
            molecule = Optional.of(pour(workflow, agent, r, Map.of("issue", beadId, "feature", bead.title())));
            hooks.setField(beadId, "attached_molecule", molecule.get());
        }
        if (!r.args().isEmpty()) {
            hooks.setField(beadId, "attached_args", r.args());
        }
        return new Slung(beadId, agent, false, "", convoyFor(beadId, bead.title(), r), molecule);
    }

    private Slung hookFormula(String formula, Address agent, SlingRequest r) {
        Hooks hooks = new Hooks(ledger);
        if (!r.on().isEmpty()) {
            Issue bead = ledger.read(ledger.owning(r.on()), v -> v.get(r.on()));
            String root = pour(formula, agent, r, Map.of("issue", bead.id(), "feature", bead.title()));
            hooks.hook(agent, bead.id(), r.force());
            hooks.setField(bead.id(), "attached_molecule", root);
            if (!r.args().isEmpty()) {
                hooks.setField(bead.id(), "attached_args", r.args());
            }
            return new Slung(bead.id(), agent, false, "", convoyFor(bead.id(), bead.title(), r), Optional.of(root));
        }
        String root = pour(formula, agent, r, Map.of());
        hooks.hook(agent, root, r.force());
        if (!r.args().isEmpty()) {
            hooks.setField(root, "attached_args", r.args());
        }
        return new Slung(root, agent, false, "", Optional.empty(), Optional.of(root));
    }

    private String pour(String formula, Address agent, SlingRequest r, Map<String, String> context) {
        BeadsContext store = storeFor(agent.rig().orElse(null));
        Map<String, String> offered = new LinkedHashMap<>(context);
        offered.putAll(formulas.context(agent));
        return formulas.pour(store, formula, r.vars(), offered, true, "").rootId();
    }

    private Optional<String> convoyFor(String beadId, String title, SlingRequest r) {
        Convoys convoys = new Convoys(ledger);
        Optional<String> existing = convoys.trackedBy(beadId);
        if (existing.isPresent() || r.noConvoy()) {
            return existing;
        }
        return Optional.of(convoys.create("Work: " + title, List.of(beadId), null,
                "Auto-created convoy tracking " + beadId));
    }

    private Address resolveTarget(String target) {
        if (target.isEmpty() || target.equals(".")) {
            if (caller.role() == Role.OVERSEER) {
                throw new GtException("say whose hook: gt sling WORK TARGET (a rig, or an address such as mayor/)");
            }
            return caller;
        }
        return new Directory(ledger.town()).resolve(target);
    }

    private boolean beadExists(String id) {
        try {
            return ledger.read(ledger.owning(id), v -> v.contains(id));
        } catch (GtException e) {
            return false;
        }
    }

    private BeadsContext storeFor(String rig) {
        return rig == null ? ledger.hq() : ledger.rig(rig);
    }
}
