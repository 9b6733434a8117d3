package dev.gastown.core.prime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.mol.Squashing;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.TownLock;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Hooks;
import java.util.Map;
import java.util.Optional;

/**
 * The loops the town's watchers run: each cycle is a wisp of the role's patrol formula hung on the agent's hook.
 * {@code gt prime} starts a cycle whenever such an agent has nothing unfinished on its hook, so a fresh session, a
 * restart and the end of a cycle all lead to the same place. Boot's triage is a one-cycle patrol.
 */
public final class Patrols {
    private Patrols() {
    }

    /** A cycle that was started: the formula poured and the wisp now on the hook. */
    public record Started(String formula, String moleculeId) {
    }

    /** The formula an agent of {@code role} loops over; empty for roles that are given their work. */
    public static Optional<String> formula(Role role) {
        return Optional.ofNullable(switch (role) {
            case DEACON -> "mol-deacon-patrol";
            case WITNESS -> "mol-witness-patrol";
            case REFINERY -> "mol-refinery-patrol";
            case BOOT -> "mol-boot-triage";
            case MAYOR, DOG, POLECAT, CREW, OVERSEER -> null;
        });
    }

    /** Whether {@code role} starts its next cycle as soon as one ends (Boot triages once and is replaced). */
    public static boolean loops(Role role) {
        return role != Role.BOOT && formula(role).isPresent();
    }

    /**
     * Pours {@code who}'s patrol formula as a wisp (offering the rig's variables) into the store it works in, and
     * hangs it on {@code who}'s hook. Empty when unfinished work is on the hook already: a concurrent prime got
     * there first. One prime at a time per agent gets this far, so two sessions starting together make one cycle.
     */
    public static Optional<Started> start(Ledger ledger, FormulaPours formulas, Address who) {
        String formula = formula(who.role()).orElseThrow(() -> new IllegalArgumentException(who + " has no patrol"));
        Hooks hooks = new Hooks(ledger);
        try (StoreLock.Held lock = TownLock.at(ledger.town().runtimeDir()
                .resolve("patrol-" + AgentBeadIds.of(who) + ".lock"))) {
            if (hooks.find(who).filter(h -> !h.complete()).isPresent()) {
                return Optional.empty();
            }
            BeadsContext store = who.rig().map(ledger::rig).orElseGet(ledger::hq);
            Poured poured = formulas.pour(store, formula, Map.of(), formulas.context(who), true, "");
            try {
                hooks.hook(who, poured.rootId(), false);
            } catch (RuntimeException e) {
                ledger.write(store, tx -> Squashing.burn(tx, store, poured.rootId(), false));
                throw e;
            }
            new EventLog(ledger.town()).append("patrol_started", who.toString(), new JsonObject()
                    .put("formula", formula).put("molecule", poured.rootId()).put("agent", who.toString()));
            return Optional.of(new Started(formula, poured.rootId()));
        }
    }
}
