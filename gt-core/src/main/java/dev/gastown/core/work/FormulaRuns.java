package dev.gastown.core.work;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.formula.ConvoyPlan;
import dev.gastown.core.formula.ConvoyPlanner;
import dev.gastown.core.formula.Formula;
import dev.gastown.core.formula.FormulaCooker;
import dev.gastown.core.formula.FormulaException;
import dev.gastown.core.formula.FormulaLibrary;
import dev.gastown.core.formula.FormulaType;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.workers.Polecats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gt formula run}: runs a convoy formula on a rig. The rig's store gets one task bead per leg and a synthesis
 * bead that {@code blocks}-depends on the legs (one transaction); the town's store gets a convoy tracking them all
 * (a second one); then each leg is slung to a fresh polecat of the rig. All or nothing: if a step fails, what the
 * earlier ones made is removed (slung polecats are unhooked and nuked, their molecules burned) before the error is
 * reported.
 */
public final class FormulaRuns {
    private final Ledger ledger;
    private final FormulaPours formulas;
    private final Address caller;

    public FormulaRuns(Ledger ledger, FormulaPours formulas, Address caller) {
        this.ledger = ledger;
        this.formulas = formulas;
        this.caller = caller;
    }

    /**
     * What to run.
     *
     * @param rig where the legs run; empty means the caller's rig, or the town's only rig
     * @param inputs the formula's {@code [inputs]} values
     */
    public record Request(String formula, String rig, Map<String, String> inputs) {
        public Request {
            rig = rig == null ? "" : rig;
            inputs = Map.copyOf(inputs);
        }
    }

    /** What a run will create; {@code convoyId} is chosen but not yet taken. */
    public record Plan(ConvoyPlan convoy, String rig, String convoyId, String reviewId, String description) {

        public JsonObject toJson() {
            JsonArray legs = new JsonArray();
            convoy.legs().forEach(l -> legs.add(new JsonObject().put("leg", l.legId()).put("title", l.title())
                    .put("focus", l.focus()).put("output_path", l.outputPath())));
            JsonObject inputs = new JsonObject();
            convoy.inputs().forEach(inputs::put);
            JsonObject out = new JsonObject().put("formula", convoy.formula()).put("rig", rig)
                    .put("convoy", convoyId).put("review_id", reviewId).put("title", convoy.title())
                    .put("description", description).put("inputs", inputs).put("legs", legs);
            ConvoyPlan.SynthesisBead s = convoy.synthesis();
            if (s != null) {
                JsonArray deps = new JsonArray();
                s.legIds().forEach(deps::add);
                out.put("synthesis", new JsonObject().put("title", s.title()).put("depends_on", deps)
                        .put("output_path", s.outputPath()));
            }
            return out;
        }
    }

    /** One leg of a run: its bead in the rig's store and where it was slung. */
    public record Leg(String legId, String beadId, Slung slung) {
    }

    /** What a run made. {@code synthesisId} is empty for a formula without {@code [synthesis]}. */
    public record Run(Plan plan, List<Leg> legs, String synthesisId) {

        public JsonObject toJson() {
            JsonArray legs = new JsonArray();
            this.legs.forEach(l -> legs.add(new JsonObject().put("leg", l.legId()).put("bead", l.beadId())
                    .put("polecat", l.slung().agent().toString()).put("workdir", l.slung().workdir())
                    .put("molecule", l.slung().molecule().orElse(""))));
            return new JsonObject().put("formula", plan.convoy().formula()).put("rig", plan.rig())
                    .put("convoy", plan.convoyId()).put("title", plan.convoy().title()).put("legs", legs)
                    .put("synthesis", synthesisId);
        }
    }

    /**
     * Checks everything a run needs and decides what it will make, writing nothing.
     *
     * @throws FormulaException WRONG_TYPE for a formula that is not a convoy formula, or an input error
     * @throws GtException for an unknown rig, or a polecat caller
     */
    public Plan plan(Request r) {
        if (caller.role() == Role.POLECAT) {
            throw new GtException("polecats do not start convoys; finish your work with gt done");
        }
        String rig = rigFor(r.rig());
        FormulaLibrary library = formulas.library(ledger.rig(rig));
        Formula formula = new FormulaCooker(library).resolve(library.load(r.formula()));
        if (formula.type() != FormulaType.CONVOY) {
            throw new FormulaException(FormulaException.Kind.WRONG_TYPE, formula.source().location(), 0, null,
                    formula.name() + " is a " + formula.type().id() + " formula, and gt formula run only runs convoy"
                            + " formulas; put it on a hook instead: gt sling " + formula.name() + " [TARGET]");
        }
        String convoyId = new Convoys(ledger).newId();
        String pr = r.inputs().getOrDefault("pr", "");
        String reviewId = pr.isEmpty() ? convoyId.substring(Convoys.ID_PREFIX.length()) : "pr-" + pr;
        ConvoyPlan convoy = ConvoyPlanner.plan(formula, r.inputs(), reviewId);
        return new Plan(convoy, rig, convoyId, reviewId, convoy.description() + "\nRig: " + rig);
    }

    /** Creates the beads and the convoy of {@code p}, then slings each leg to a fresh polecat of its rig. */
    public Run run(Plan p) {
        BeadsContext store = ledger.rig(p.rig());
        Beads beads = createBeads(store, p);
        List<String> created = beads.all();
        Convoys convoys = new Convoys(ledger);
        try {
            convoys.create(p.convoyId(), p.convoy().title(), created, null, p.description());
        } catch (RuntimeException e) {
            deleteBeads(store, created, e);
            throw e;
        }
        List<Leg> legs = new ArrayList<>();
        Sling sling = new Sling(ledger, formulas, caller);
        for (ConvoyPlan.LegBead leg : p.convoy().legs()) {
            String bead = beads.legs().get(leg.legId());
            try {
                Slung s = sling.sling(new SlingRequest(List.of(bead), p.rig(), Map.of(), "", "", true, "", false))
                        .get(0);
                legs.add(new Leg(leg.legId(), bead, s));
            } catch (RuntimeException e) {
                legs.forEach(l -> undoSling(store, l.slung(), e));
                deleteConvoy(p.convoyId(), e);
                deleteBeads(store, created, e);
                throw new GtException("formula " + p.convoy().formula() + ": slinging leg " + leg.legId() + " ("
                        + bead + ") to " + p.rig() + " failed: " + e.getMessage() + "; removed what the run had"
                        + " made (convoy " + p.convoyId() + ", " + created.size() + " beads, " + legs.size()
                        + " polecats)" + (e.getSuppressed().length == 0 ? ""
                        : "; cleaning up also failed, see gt doctor: " + e.getSuppressed()[0].getMessage()), e);
            }
        }
        String synthesis = beads.synthesis();
        new EventLog(ledger.town()).append("formula_run", ledger.actor(), new JsonObject()
                .put("formula", p.convoy().formula()).put("rig", p.rig()).put("convoy", p.convoyId())
                .put("legs", legs.size()).put("synthesis", synthesis));
        return new Run(p, legs, synthesis);
    }

    /** The beads of a run: leg bead ids by leg id, and the synthesis bead's id (empty without one). */
    private record Beads(Map<String, String> legs, String synthesis) {
        List<String> all() {
            List<String> out = new ArrayList<>(legs.values());
            if (!synthesis.isEmpty()) {
                out.add(synthesis);
            }
            return out;
        }
    }

    /** Creates the leg and synthesis beads in one transaction, each naming its convoy and formula. */
    private Beads createBeads(BeadsContext store, Plan p) {
        String fields = "\n\nconvoy: " + p.convoyId() + "\nformula: " + p.convoy().formula();
        return ledger.write(store, tx -> {
            Map<String, String> ids = new LinkedHashMap<>();
            for (ConvoyPlan.LegBead leg : p.convoy().legs()) {
                ids.put(leg.legId(), IssueFactory.create(tx, store, new NewIssue(leg.title()).type(IssueType.TASK)
                        .description(leg.description() + fields)).id());
            }
            ConvoyPlan.SynthesisBead s = p.convoy().synthesis();
            if (s != null) {
                NewIssue synthesis = new NewIssue(s.title()).type(IssueType.TASK).description(s.description()
                        + fields + "\nreview_id: " + p.reviewId()
                        + (s.outputPath().isEmpty() ? "" : "\noutput_path: " + s.outputPath()));
                s.legIds().forEach(leg -> synthesis.link(DependencyType.BLOCKS, ids.get(leg)));
                return new Beads(ids, IssueFactory.create(tx, store, synthesis).id());
            }
            return new Beads(ids, "");
        });
    }

    private void undoSling(BeadsContext store, Slung s, RuntimeException failure) {
        try {
            new Hooks(ledger).unhook(s.agent());
            s.molecule().ifPresent(m -> ledger.write(store, tx -> Squashing.burn(tx, store, m, true)));
            if (s.agent() instanceof Address.Polecat p) {
                new Polecats(ledger).nuke(p, true);
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void deleteConvoy(String convoyId, RuntimeException failure) {
        try {
            ledger.write(ledger.hq(), tx -> {
                tx.delete(convoyId);
                return null;
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Removes beads that never left this run (no tombstones: nobody else has seen them). */
    private void deleteBeads(BeadsContext store, List<String> ids, RuntimeException failure) {
        try {
            ledger.write(store, tx -> {
                ids.forEach(tx::delete);
                return null;
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private String rigFor(String requested) {
        if (!requested.isEmpty()) {
            return Rig.load(ledger.town(), requested).name();
        }
        if (caller.rig().isPresent()) {
            return caller.rig().get();
        }
        List<RigEntry> rigs = RigRegistry.list(ledger.town());
        if (rigs.size() == 1) {
            return rigs.get(0).name();
        }
        throw new GtException("say which rig runs the legs: --rig RIG (rigs: " + (rigs.isEmpty() ? "none yet"
                : String.join(", ", rigs.stream().map(RigEntry::name).toList())) + ")");
    }
}
