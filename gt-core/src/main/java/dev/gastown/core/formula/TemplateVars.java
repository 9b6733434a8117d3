package dev.gastown.core.formula;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pour-time {@code {{name}}} placeholders: finding them, checking values against their {@link VarDef}s, and
 * substituting them into a template's title, description, design, acceptance criteria, notes and assignee. A name
 * with no value is left as written.
 */
final class TemplateVars {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z_][a-zA-Z0-9_]*)\\}\\}");

    private TemplateVars() {
    }

    /** Adds every placeholder name in {@code text} to {@code names}. */
    static void collect(String text, Set<String> names) {
        if (text.indexOf("{{") < 0) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
    }

    /** Placeholders in the texts a pour substitutes, and in conditions, of every step in the tree. */
    static void collect(List<Step> steps, Set<String> names) {
        StepTree.forEach(steps, s -> {
            collect(s.title(), names);
            collect(s.description(), names);
            collect(s.notes(), names);
            collect(s.acceptance(), names);
            collect(s.assignee(), names);
            collect(s.condition(), names);
        });
    }

    static void collect(Template template, Set<String> names) {
        collect(template.root(), names);
        for (TemplateNode n : template.steps()) {
            collect(n, names);
        }
    }

    private static void collect(TemplateNode n, Set<String> names) {
        collect(n.title(), names);
        collect(n.description(), names);
        collect(n.design(), names);
        collect(n.acceptanceCriteria(), names);
        collect(n.notes(), names);
        collect(n.assignee(), names);
    }

    /** The formula's defaults, overridden by the given values. */
    static Map<String, String> effective(Formula formula, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        formula.vars().forEach((name, def) -> {
            if (def.hasDefault()) {
                values.put(name, def.defaultValue());
            }
        });
        values.putAll(given);
        return values;
    }

    /** Checks each given value against its declaration's enum, pattern and type. */
    static void validate(Formula formula, Map<String, String> given) {
        given.forEach((name, value) -> {
            VarDef def = formula.vars().get(name);
            if (def == null) {
                return;
            }
            String problem = null;
            if (!def.enumValues().isEmpty() && !def.enumValues().contains(value)) {
                problem = "must be one of " + String.join(", ", def.enumValues());
            } else if (!def.pattern().isEmpty() && !matches(formula, name, def.pattern(), value)) {
                problem = "does not match pattern " + def.pattern();
            } else if (def.type().equals("int") && !value.matches("[-+]?\\d+")) {
                problem = "must be an integer";
            } else if (def.type().equals("bool") && !value.equals("true") && !value.equals("false")) {
                problem = "must be true or false";
            }
            if (problem != null) {
                throw new FormulaException(FormulaException.Kind.INVALID_VAR, formula.source().location(),
                        formula.source().lineOfVar(name), null,
                        "variable " + name + " = \"" + value + "\" " + problem);
            }
        });
    }

    private static boolean matches(Formula formula, String name, String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find();
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new FormulaException(FormulaException.Kind.SCHEMA, formula.source().location(),
                    formula.source().lineOfVar(name), null, "vars." + name + ": invalid pattern: " + e.getMessage());
        }
    }

    /** The template with every placeholder that has a value substituted. */
    static Template substitute(Template template, Map<String, String> values) {
        List<TemplateNode> nodes = new ArrayList<>(template.steps().size());
        for (TemplateNode n : template.steps()) {
            nodes.add(substitute(n, values));
        }
        return new Template(template.name(), substitute(template.root(), values), nodes, template.edges());
    }

    private static TemplateNode substitute(TemplateNode n, Map<String, String> values) {
        String title = substitute(n.title(), values);
        String description = substitute(n.description(), values);
        String design = substitute(n.design(), values);
        String acceptance = substitute(n.acceptanceCriteria(), values);
        String notes = substitute(n.notes(), values);
        String assignee = substitute(n.assignee(), values);
        if (title == n.title() && description == n.description() && design == n.design()
                && acceptance == n.acceptanceCriteria() && notes == n.notes() && assignee == n.assignee()) {
            return n;
        }
        return new TemplateNode(n.key(), title, description, design, acceptance, notes, n.type(), n.priority(),
                n.labels(), assignee, n.estimatedMinutes(), n.sourceFormula(), n.sourceLocation(), n.gate());
    }

    /** {@code text} with placeholders replaced; the same instance when nothing changes. */
    static String substitute(String text, Map<String, String> values) {
        if (text.indexOf("{{") < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = null;
        int last = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(text.length() + 16);
            }
            sb.append(text, last, m.start()).append(value);
            last = m.end();
        }
        return sb == null ? text : sb.append(text, last, text.length()).toString();
    }
}
