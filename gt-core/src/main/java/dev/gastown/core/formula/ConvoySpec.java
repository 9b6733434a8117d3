package dev.gastown.core.formula;

import java.util.List;
import java.util.Map;

/**
 * The Gas Town convoy part of a formula: {@code [inputs]}, {@code [prompts]}, {@code [output]}, {@code [[legs]]} and
 * {@code [synthesis]}. Empty for other formula types. Prompts and output patterns use Go text/template syntax
 * ({@code {{.review_id}}}, {@code {{.leg.id}}}).
 */
public record ConvoySpec(Map<String, Input> inputs, Map<String, String> prompts, Output output, List<Leg> legs,
        Synthesis synthesis) {

    public static final ConvoySpec EMPTY = new ConvoySpec(null, null, null, null, null);

    public ConvoySpec {
        inputs = inputs == null ? Map.of() : FormulaMaps.sortedCopy(inputs);
        prompts = prompts == null ? Map.of() : FormulaMaps.sortedCopy(prompts);
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    /** {@code [inputs.<name>]}: a value given to {@code gt formula run}. {@code defaultValue} is null when absent. */
    public record Input(String description, String type, boolean required, List<String> requiredUnless,
            String defaultValue) {
        public Input {
            description = description == null ? "" : description;
            type = type == null ? "" : type;
            requiredUnless = requiredUnless == null ? List.of() : List.copyOf(requiredUnless);
        }
    }

    /** {@code [output]}: where legs write their findings and the synthesis its summary. */
    public record Output(String directory, String legPattern, String synthesis) {
    }

    /** A {@code [[legs]]} entry, run in parallel by its own polecat. */
    public record Leg(String id, String title, String focus, String description) {
    }

    /** {@code [synthesis]}: the step that combines the legs' outputs once they are done. */
    public record Synthesis(String title, String description, List<String> dependsOn) {
        public Synthesis {
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        }
    }
}
