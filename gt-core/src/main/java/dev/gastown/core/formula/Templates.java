package dev.gastown.core.formula;

import dev.gastown.beads.mol.Template;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Public access to {@code {{var}}} handling on templates that did not come from a cook (persisted protos). */
public final class Templates {
    private Templates() {
    }

    /** The {@code {{var}}} names a template still mentions. */
    public static Set<String> variables(Template template) {
        Set<String> names = new TreeSet<>();
        TemplateVars.collect(template, names);
        return names;
    }

    /** The template with every {@code {{var}}} that {@code values} names substituted. */
    public static Template substitute(Template template, Map<String, String> values) {
        return TemplateVars.substitute(template, values);
    }
}
