package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a convoy formula and its inputs into a {@link ConvoyPlan}. Prompts and output patterns are Go templates;
 * plain field references such as {@code {{.review_id}}}, {@code {{.leg.focus}}} or {@code {{.pr}}} are filled from
 * the inputs, {@code review_id}, {@code formula_name}, {@code output_path} and the leg; any other template action
 * ({@code {{if …}}}, {@code {{range …}}}) or unknown field is left as written for the agent to read.
 */
public final class ConvoyPlanner {
    private static final Pattern FIELD = Pattern.compile(
            "\\{\\{-?\\s*\\.([a-zA-Z_][a-zA-Z0-9_]*(?:\\.[a-zA-Z_][a-zA-Z0-9_]*)*)\\s*-?\\}\\}");
    private static final int MAX_TITLE = 80;

    private ConvoyPlanner() {
    }

    /**
     * @param inputs   {@code --<input>=value} options given to {@code gt formula run}
     * @param reviewId the value of {@code {{.review_id}}} (gt uses {@code pr-<n>} or the convoy id's suffix)
     * @throws FormulaException WRONG_TYPE for a non-convoy formula; UNKNOWN_VAR, MISSING_VAR or INVALID_VAR for
     *                          inputs; SCHEMA or UNKNOWN_REFERENCE for a convoy without legs or a bad depends_on
     */
    public static ConvoyPlan plan(Formula formula, Map<String, String> inputs, String reviewId) {
        if (formula.type() != FormulaType.CONVOY) {
            throw new FormulaException(FormulaException.Kind.WRONG_TYPE, formula.source().location(), 0, null,
                    "not a convoy formula (type " + formula.type().id() + "); cook it with bd cook or bd mol pour");
        }
        ConvoySpec convoy = formula.convoy();
        if (convoy.legs().isEmpty()) {
            throw new FormulaException(FormulaException.Kind.SCHEMA, formula.source().location(), 0, null,
                    "a convoy formula needs at least one [[legs]] entry");
        }
        Map<String, String> values = inputValues(formula, inputs);
        Map<String, String> context = new LinkedHashMap<>(values);
        context.put("review_id", reviewId);
        context.put("formula_name", formula.name());

        ConvoySpec.Output output = convoy.output();
        String directory = output == null ? "" : render(output.directory(), context);
        List<ConvoyPlan.LegBead> legs = new ArrayList<>();
        for (ConvoySpec.Leg leg : convoy.legs()) {
            Map<String, String> legContext = new LinkedHashMap<>(context);
            legContext.put("leg.id", leg.id());
            legContext.put("leg.title", leg.title());
            legContext.put("leg.focus", leg.focus());
            legContext.put("leg.description", leg.description());
            String outputPath = output == null || directory.isEmpty() || output.legPattern().isEmpty() ? ""
                    : directory + "/" + render(output.legPattern(), legContext);
            legContext.put("output_path", outputPath);
            StringBuilder description = new StringBuilder(leg.description());
            String base = convoy.prompts().get("base");
            if (base != null) {
                description.append("\n\n---\nBase Prompt:\n").append(render(base, legContext));
            }
            if (!outputPath.isEmpty()) {
                description.append("\n\noutput_path: ").append(outputPath);
            }
            legs.add(new ConvoyPlan.LegBead(leg.id(), leg.title(), leg.focus(), description.toString(), outputPath));
        }
        return new ConvoyPlan(formula.name(), title(formula),
                "Formula convoy: " + formula.name() + "\n\nLegs: " + legs.size(), values, legs,
                synthesis(formula, context, directory));
    }

    private static ConvoyPlan.SynthesisBead synthesis(Formula formula, Map<String, String> context, String directory) {
        ConvoySpec convoy = formula.convoy();
        ConvoySpec.Synthesis synthesis = convoy.synthesis();
        if (synthesis == null) {
            return null;
        }
        List<String> legIds = convoy.legs().stream().map(ConvoySpec.Leg::id).toList();
        for (String dep : synthesis.dependsOn()) {
            if (!legIds.contains(dep)) {
                throw new FormulaException(FormulaException.Kind.UNKNOWN_REFERENCE, formula.source().location(),
                        formula.source().lineOfKey("depends_on"), null,
                        "synthesis.depends_on references unknown leg \"" + dep + "\"");
            }
        }
        String description = synthesis.description().isEmpty()
                ? "Synthesize findings from all legs into unified output" : render(synthesis.description(), context);
        ConvoySpec.Output output = convoy.output();
        String outputPath = output == null || directory.isEmpty() || output.synthesis().isEmpty() ? ""
                : directory + "/" + render(output.synthesis(), context);
        return new ConvoyPlan.SynthesisBead(synthesis.title().isEmpty() ? "Synthesis" : synthesis.title(),
                description, synthesis.dependsOn().isEmpty() ? legIds : synthesis.dependsOn(), outputPath);
    }

    /** {@code <formula>: <first line of the description>}, cut to 80 characters as gt does. */
    private static String title(Formula formula) {
        String firstLine = formula.description().strip().lines().findFirst().orElse("");
        String title = firstLine.isEmpty() ? formula.name() : formula.name() + ": " + firstLine;
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 3) + "..." : title;
    }

    private static Map<String, String> inputValues(Formula formula, Map<String, String> given) {
        Map<String, ConvoySpec.Input> declared = formula.convoy().inputs();
        String file = formula.source().location();
        List<String> unknown = given.keySet().stream().filter(k -> !declared.containsKey(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new FormulaException(FormulaException.Kind.UNKNOWN_VAR, file, 0, null,
                    "unknown input" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                            + " (this formula takes: " + String.join(", ", declared.keySet()) + ")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        declared.forEach((name, input) -> {
            String value = given.containsKey(name) ? given.get(name) : input.defaultValue();
            if (value != null) {
                values.put(name, value);
            }
        });
        declared.forEach((name, input) -> {
            String value = values.get(name);
            if (value == null) {
                boolean covered = input.requiredUnless().stream().anyMatch(values::containsKey);
                if (input.required() || !input.requiredUnless().isEmpty() && !covered) {
                    String unless = input.requiredUnless().isEmpty() ? ""
                            : " unless one of " + String.join(", ", input.requiredUnless()) + " is given";
                    throw new FormulaException(FormulaException.Kind.MISSING_VAR, file, 0, null,
                            "input " + name + " is required" + unless);
                }
            } else if (input.type().equals("number") && !value.matches("[-+]?\\d+")) {
                throw new FormulaException(FormulaException.Kind.INVALID_VAR, file, 0, null,
                        "input " + name + " = \"" + value + "\" must be a number");
            }
        });
        return values;
    }

    static String render(String template, Map<String, String> context) {
        if (template.indexOf("{{") < 0) {
            return template;
        }
        Matcher m = FIELD.matcher(template);
        StringBuilder sb = new StringBuilder(template.length());
        while (m.find()) {
            String value = context.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(sb).toString();
    }
}
