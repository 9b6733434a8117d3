package dev.gastown.core.work;

import java.util.List;
import java.util.Map;

/**
 * What {@code gt sling} was asked to do.
 *
 * @param items bead ids, or one formula name
 * @param target a rig (a fresh polecat each), {@code deacon/dogs} (an idle dog), an address, {@code .} or empty for
 *     the caller
 * @param vars formula variables
 * @param args free text for the worker, stored as {@code attached_args}
 * @param on with a formula: the bead the poured molecule is attached to (the bead goes on the hook)
 * @param noConvoy do not create a convoy for untracked beads
 * @param molecule the workflow formula attached to a slung bead; empty means the role's default
 *     ({@code mol-polecat-work} for polecats, none for others), {@code none} means no molecule
 * @param force replace unfinished work on the target's hook
 */
public record SlingRequest(List<String> items, String target, Map<String, String> vars, String args, String on,
        boolean noConvoy, String molecule, boolean force) {

    public SlingRequest {
        items = List.copyOf(items);
        vars = Map.copyOf(vars);
        target = target == null ? "" : target;
        args = args == null ? "" : args;
        on = on == null ? "" : on;
        molecule = molecule == null ? "" : molecule;
    }
}
