package dev.gastown.cli;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.formula.ConvoySpec;
import dev.gastown.core.formula.Formula;
import dev.gastown.core.formula.FormulaLibrary;
import dev.gastown.core.formula.FormulaType;
import dev.gastown.core.formula.Step;
import java.util.List;

/** How {@code bd formula} and {@code gt formula} print formulas: the list of a search path, and one formula. */
public final class FormulaViews {
    private FormulaViews() {
    }

    /** Every formula on the library's search path: name, type, which root it comes from, first line. */
    public static void list(FormulaLibrary library, Output out) {
        List<FormulaLibrary.Entry> entries = library.list();
        if (out.json()) {
            JsonArray a = new JsonArray();
            for (FormulaLibrary.Entry e : entries) {
                Formula f = library.load(e.name());
                a.add(new JsonObject().put("name", e.name()).put("type", f.type().id())
                        .put("description", firstLine(f.description())).put("source", e.root().label())
                        .put("path", e.file().toString()));
            }
            out.json(a);
            return;
        }
        for (FormulaLibrary.Entry e : entries) {
            Formula f = library.load(e.name());
            out.line(String.format("%-32s %-10s %-8s %s", e.name(), f.type().id(), e.root().label(),
                    firstLine(f.description())));
        }
    }

    /** One formula, after inheritance: vars and steps; for a convoy formula also its inputs, legs and synthesis. */
    public static void show(Formula f, Output out) {
        boolean convoy = f.type() == FormulaType.CONVOY;
        if (out.json()) {
            JsonObject vars = new JsonObject();
            f.vars().forEach((k, v) -> vars.put(k, new JsonObject().put("description", v.description())
                    .put("required", v.required()).putIfNotEmpty("default", v.defaultValue())));
            JsonArray steps = new JsonArray();
            f.steps().forEach(s -> steps.add(new JsonObject().put("id", s.id()).put("title", s.title())
                    .put("needs", strings(s.needs()))));
            JsonObject o = new JsonObject().put("name", f.name()).put("type", f.type().id())
                    .put("version", f.version()).put("description", f.description()).put("vars", vars)
                    .put("steps", steps);
            if (convoy) {
                convoyJson(f.convoy(), o);
            }
            out.json(o);
            return;
        }
        out.line(f.name() + " (" + f.type().id() + ", version " + f.version() + ")");
        if (!f.description().isBlank()) {
            out.line(indent(f.description().strip()));
        }
        if (!f.vars().isEmpty()) {
            out.line("Vars:");
            f.vars().forEach((k, v) -> out.line("  " + k + (v.required() ? " (required)"
                    : v.defaultValue() == null || v.defaultValue().isEmpty() ? "" : " = " + v.defaultValue())
                    + (v.description().isEmpty() ? "" : ": " + v.description())));
        }
        if (convoy) {
            convoyText(f.convoy(), out);
            return;
        }
        out.line("Steps:");
        for (Step s : f.steps()) {
            out.line("  " + s.id() + ": " + s.title() + (s.needs().isEmpty() ? ""
                    : "  (needs " + String.join(", ", s.needs()) + ")"));
        }
    }

    private static void convoyJson(ConvoySpec c, JsonObject o) {
        JsonObject inputs = new JsonObject();
        c.inputs().forEach((k, v) -> inputs.put(k, new JsonObject().put("description", v.description())
                .put("type", v.type()).put("required", v.required())
                .put("required_unless", strings(v.requiredUnless()))
                .putIfNotEmpty("default", v.defaultValue())));
        JsonArray legs = new JsonArray();
        c.legs().forEach(l -> legs.add(new JsonObject().put("id", l.id()).put("title", l.title())
                .put("focus", l.focus())));
        o.put("inputs", inputs).put("legs", legs);
        if (c.synthesis() != null) {
            o.put("synthesis", new JsonObject().put("title", c.synthesis().title())
                    .put("depends_on", strings(c.synthesis().dependsOn())));
        }
    }

    private static void convoyText(ConvoySpec c, Output out) {
        if (!c.inputs().isEmpty()) {
            out.line("Inputs (gt formula run NAME --var INPUT=VALUE):");
            c.inputs().forEach((k, v) -> out.line("  " + k + (v.required() ? " (required)" : "")
                    + (v.requiredUnless().isEmpty() ? "" : " (required unless " + String.join(", ",
                    v.requiredUnless()) + ")") + (v.defaultValue() == null ? "" : " = " + v.defaultValue())
                    + (v.description().isEmpty() ? "" : ": " + v.description())));
        }
        out.line("Legs (one polecat each):");
        c.legs().forEach(l -> out.line("  " + l.id() + ": " + l.title() + (l.focus().isEmpty() ? ""
                : " (" + l.focus() + ")")));
        if (c.synthesis() != null) {
            out.line("Synthesis: " + c.synthesis().title() + " (after " + (c.synthesis().dependsOn().isEmpty()
                    ? "every leg" : String.join(", ", c.synthesis().dependsOn())) + ")");
        }
    }

    public static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private static JsonArray strings(List<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
