package dev.gastown.core.maintenance;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.mol.WispGc;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gt dog gc-wisps}: wisp garbage collection over the whole town, the town's store and every rig's. A wisp
 * molecule goes when it is finished or abandoned ({@link WispGc}); it stays while anything holds it. Holding is seen
 * town-wide, because a hook can cross stores: every bead on an agent's hook and the molecule attached to it, and the
 * molecule attached to any hooked or in-progress bead in any store, are protected wherever they live.
 */
public final class WispSweep {
    private final Ledger ledger;

    public WispSweep(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What one run did, store by store ({@code hq} for the town's). */
    public record Report(boolean dryRun, Duration olderThan, Map<String, WispGc.Plan> stores) {
        public int collected() {
            return stores.values().stream().mapToInt(p -> p.collected().size()).sum();
        }

        public int deleted() {
            return stores.values().stream().mapToInt(p -> p.wispIds().size()).sum();
        }

        public JsonObject toJson() {
            JsonArray a = new JsonArray();
            stores.forEach((name, plan) -> a.add(plan.toJson().put("store", name)));
            return new JsonObject().put("dry_run", dryRun).put("older_than_seconds", olderThan.toSeconds())
                    .put("collected_count", collected()).put("deleted_count", dryRun ? 0 : deleted())
                    .put("stores", a);
        }
    }

    public Report run(Duration olderThan, boolean dryRun, Instant now) {
        long cutoff = now.minus(olderThan).toEpochMilli() * 1000;
        Set<String> held = protectedIds();
        Map<String, WispGc.Plan> plans = new LinkedHashMap<>();
        for (Map.Entry<String, BeadsContext> store : stores().entrySet()) {
            plans.put(store.getKey(), WispGc.collect(store.getValue().store(), cutoff, held, dryRun));
        }
        Report report = new Report(dryRun, olderThan, plans);
        if (!dryRun && report.collected() > 0) {
            JsonArray roots = new JsonArray();
            plans.values().forEach(p -> p.collected().forEach(c -> roots.add(c.rootId())));
            new EventLog(ledger.town()).append("wisp_gc", ledger.actor(), new JsonObject().put("molecules", roots)
                    .put("deleted_count", report.deleted()));
        }
        return report;
    }

    /** The town's store, then each rig's that exists, by name. */
    private Map<String, BeadsContext> stores() {
        Map<String, BeadsContext> out = new LinkedHashMap<>();
        out.put("hq", ledger.hq());
        for (Rig rig : Rig.all(ledger.town())) {
            if (Files.isDirectory(rig.layout().beads().path())) {
                out.put(rig.name(), ledger.rig(rig.name()));
            }
        }
        return out;
    }

    /** Every id an agent's hook reaches: hooked beads, their molecules, and molecules attached to live work. */
    private Set<String> protectedIds() {
        Set<String> ids = new HashSet<>();
        Hooks hooks = new Hooks(ledger);
        for (AgentRecord agent : new Agents(ledger).all()) {
            agent.hook().ifPresent(id -> {
                ids.add(id);
                hooks.load(id).flatMap(Hooked::molecule).ifPresent(ids::add);
            });
        }
        for (BeadsContext store : stores().values()) {
            ledger.read(store, v -> {
                List<String> live = new ArrayList<>();
                v.forEachActive(row -> {
                    if (row.status().equals(Status.HOOKED) || row.status().equals(Status.IN_PROGRESS)) {
                        live.add(row.id());
                    }
                });
                for (String id : live) {
                    ids.add(id);
                    v.find(id).flatMap(i -> Fields.get(i.description(), "attached_molecule")).ifPresent(ids::add);
                }
                return null;
            });
        }
        return ids;
    }
}
