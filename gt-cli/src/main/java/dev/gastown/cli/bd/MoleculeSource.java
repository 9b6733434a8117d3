package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Poured;
import dev.gastown.beads.mol.Protos;
import dev.gastown.beads.mol.Template;
import dev.gastown.cli.CliException;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.core.formula.CookMode;
import dev.gastown.core.formula.Templates;
import java.util.Map;
import java.util.Set;

/** What {@code bd mol pour}, {@code wisp} and {@code bond} instantiate: a formula (cooked now) or a persisted proto. */
final class MoleculeSource {
    /** Above this many issues, {@code --json} leaves out the (then huge) id mapping. */
    static final int MAX_MAPPING = 10_000;

    private MoleculeSource() {
    }

    static Template template(BdCommand cmd, String arg, Map<String, String> vars) {
        boolean proto = cmd.store().read(view -> view.contains(arg) && Protos.isProto(view, arg));
        if (proto) {
            Template t = Templates.substitute(cmd.store().read(view -> Protos.template(view, arg)), vars);
            Set<String> missing = Templates.variables(t);
            if (!missing.isEmpty()) {
                throw new CliException("proto " + arg + " needs --var for: " + String.join(", ", missing));
            }
            return t;
        }
        return FormulaAccess.cooker(cmd.env(), cmd.store().dir().root())
                .cook(FormulaAccess.nameOrPath(cmd.env(), arg), vars, CookMode.POUR).template();
    }

    /** The original's pour/wisp output: {@code new_epic_id}, {@code id_mapping}, {@code created}, {@code phase}. */
    static JsonObject json(Poured p) {
        JsonObject o = new JsonObject().put("new_epic_id", p.rootId());
        if (p.created() <= MAX_MAPPING) {
            JsonObject mapping = new JsonObject();
            for (int i = 0; i < p.keys().size(); i++) {
                mapping.put(p.keys().get(i), p.ids().get(i));
            }
            o.put("id_mapping", mapping);
        } else {
            o.put("id_mapping_omitted", true);
        }
        o.put("created", p.created()).put("edges", p.edges());
        if (!p.wisp()) {
            o.put("attached", 0);
        }
        return o.put("phase", p.wisp() ? "vapor" : "liquid");
    }
}
