package dev.gastown.core.formula;

import java.util.List;
import java.util.Map;

/**
 * What {@code gt formula run} creates for a convoy formula: a convoy bead ({@code title}, {@code description}; the
 * caller appends its own {@code Rig:} / {@code PR:} lines), one task bead per leg, and a synthesis task that depends
 * on the legs it names. {@code inputs} are the values used, defaults included.
 */
public record ConvoyPlan(String formula, String title, String description, Map<String, String> inputs,
        List<LegBead> legs, SynthesisBead synthesis) {

    public ConvoyPlan {
        inputs = FormulaMaps.sortedCopy(inputs);
        legs = List.copyOf(legs);
    }

    /**
     * A leg's task bead. {@code description} is the leg's description, then the rendered base prompt, then an
     * {@code output_path:} line when the formula says where findings go ({@code outputPath}, else empty).
     */
    public record LegBead(String legId, String title, String focus, String description, String outputPath) {
    }

    /** The synthesis task; it depends on the beads of {@code legIds}. Null in a plan without {@code [synthesis]}. */
    public record SynthesisBead(String title, String description, List<String> legIds, String outputPath) {
        public SynthesisBead {
            legIds = List.copyOf(legIds);
        }
    }
}
