package dev.gastown.core.work;

import dev.gastown.beads.mol.PourOptions;
import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.mol.Pouring;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.formula.CookMode;
import dev.gastown.core.formula.Formula;
import dev.gastown.core.formula.FormulaCooker;
import dev.gastown.core.formula.FormulaLibrary;
import dev.gastown.core.identity.Address;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.town.Town;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pours formulas into a store from gt (in-process, as {@code bd mol pour|wisp} would). The search path is the
 * store's project, the user's home, the town, then the formulas the product ships.
 */
public final class FormulaPours {
    private final Path townRoot;
    private final Path home;

    public FormulaPours(Path townRoot, Path home) {
        this.townRoot = townRoot;
        this.home = home;
    }

    public FormulaLibrary library(BeadsContext store) {
        return FormulaLibrary.standard(store.store().dir().root(), home, townRoot.toString());
    }

    public boolean exists(BeadsContext store, String name) {
        return library(store).find(name).isPresent();
    }

    /**
     * What gt knows about where {@code agent} works, to offer to any formula poured for it: for rig agents the rig,
     * the branch merges go to ({@code target}) and the rig's {@code test_command}.
     */
    public Map<String, String> context(Address agent) {
        Map<String, String> offered = new LinkedHashMap<>();
        agent.rig().ifPresent(rigName -> {
            RigSettings settings = Rig.load(new Town(townRoot), rigName).settings();
            offered.put("rig", rigName);
            offered.put("target", settings.targetBranch());
            offered.put("test_command", settings.testCommand());
        });
        return offered;
    }

    /**
     * Cooks {@code name} with {@code vars} and pours it; {@code offered} values are passed only for the variables
     * the formula declares, so callers can offer context (rig, target branch) to any formula.
     */
    public Poured pour(BeadsContext store, String name, Map<String, String> vars, Map<String, String> offered,
            boolean wisp, String assignee) {
        FormulaCooker cooker = new FormulaCooker(library(store));
        Formula formula = cooker.resolve(library(store).load(name));
        Map<String, String> values = new LinkedHashMap<>();
        offered.forEach((k, v) -> {
            if (formula.vars().containsKey(k)) {
                values.put(k, v);
            }
        });
        values.putAll(vars);
        return Pouring.pour(store.store(), store, cooker.cook(formula, values, CookMode.POUR).template(),
                new PourOptions(wisp, assignee));
    }
}
