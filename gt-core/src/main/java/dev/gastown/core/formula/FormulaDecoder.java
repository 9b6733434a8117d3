package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the decoded tables of a formula file into a {@link Formula}. Unknown keys and tables ({@code [squash]},
 * {@code [presets]}...) are ignored; known keys with the wrong type, a step without id, or a var that is both
 * required and defaulted are errors.
 */
final class FormulaDecoder {
    private final FormulaSource source;
    private String formulaName = "";

    private FormulaDecoder(FormulaSource source) {
        this.source = source;
    }

    static Formula decode(Map<String, Object> root, FormulaSource source) {
        return new FormulaDecoder(source).formula(new RawTable(root, "", null, source));
    }

    private Formula formula(RawTable t) {
        formulaName = t.string("formula");
        if (formulaName.isBlank()) {
            throw t.error("formula", "formula name is required");
        }
        Integer version = t.integerOrNull("version");
        if (version != null && version < 1) {
            throw t.error("version", "must be >= 1");
        }
        List<Step> steps = steps(t, "steps");
        List<Step> template = steps(t, "template");
        List<AdviceRule> advice = t.tables("advice").stream().map(this::advice).toList();
        List<Pointcut> pointcuts = t.tables("pointcuts").stream()
                .map(p -> new Pointcut(p.string("glob"), p.string("type"), p.string("label"))).toList();
        ConvoySpec convoy = convoy(t);
        FormulaType type = type(t, steps, template, advice, pointcuts, convoy);
        String phase = t.string("phase");
        if (!phase.isEmpty() && !phase.equals("liquid") && !phase.equals("vapor")) {
            throw t.error("phase", "must be liquid or vapor, got \"" + phase + "\"");
        }
        return new Formula(formulaName, t.string("description"), version == null ? 1 : version, type,
                t.strings("extends"), phase, vars(t), steps, template, compose(t.table("compose")), advice, pointcuts,
                convoy, source);
    }

    private static FormulaType type(RawTable t, List<Step> steps, List<Step> template, List<AdviceRule> advice,
            List<Pointcut> pointcuts, ConvoySpec convoy) {
        String written = t.string("type");
        if (!written.isEmpty()) {
            return FormulaType.parse(written).orElseThrow(() -> t.error("type",
                    "invalid value \"" + written + "\" (must be workflow, expansion, aspect or convoy)"));
        }
        if (!steps.isEmpty()) {
            return FormulaType.WORKFLOW;
        }
        if (!convoy.legs().isEmpty()) {
            return FormulaType.CONVOY;
        }
        if (!template.isEmpty()) {
            return FormulaType.EXPANSION;
        }
        if (!advice.isEmpty() || !pointcuts.isEmpty()) {
            return FormulaType.ASPECT;
        }
        return FormulaType.WORKFLOW;
    }

    private Map<String, VarDef> vars(RawTable t) {
        RawTable vars = t.table("vars");
        if (vars == null) {
            return Map.of();
        }
        Map<String, VarDef> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : vars.entries().entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof Map<?, ?>) {
                out.put(name, varDef(name, vars.asTable(e.getValue(), "vars." + name, name)));
            } else {
                out.put(name, VarDef.withDefault(vars.scalarOrNull(name)));
            }
        }
        return out;
    }

    private VarDef varDef(String name, RawTable v) {
        VarDef def = new VarDef(v.string("description"), v.scalarOrNull("default"), v.bool("required"),
                v.strings("enum"), v.string("pattern"), v.string("type"));
        String type = def.type();
        if (!type.isEmpty() && !type.equals("string") && !type.equals("int") && !type.equals("bool")) {
            throw new FormulaException(FormulaException.Kind.SCHEMA, source.location(), source.lineOfVar(name), null,
                    "vars." + name + ": type must be string, int or bool, got \"" + type + "\"");
        }
        return def;
    }

    private List<Step> steps(RawTable parent, String key) {
        List<RawTable> tables = parent.tables(key);
        List<Step> out = new ArrayList<>(tables.size());
        for (RawTable table : tables) {
            out.add(step(table));
        }
        return out;
    }

    private Step step(RawTable raw) {
        String id = raw.string("id");
        if (id.isBlank()) {
            throw raw.error(null, "id is required");
        }
        RawTable t = raw.forStep(id);
        Integer priority = t.integerOrNull("priority");
        if (priority != null && (priority < 0 || priority > 4)) {
            throw t.error("priority", "must be 0-4, got " + priority);
        }
        LoopSpec loop = loop(t.table("loop"));
        String expand = t.string("expand");
        String title = t.string("title");
        if (title.isEmpty() && expand.isEmpty() && loop == null) {
            throw t.error(null, "title is required (unless the step uses expand or loop)");
        }
        RawTable gate = t.table("gate");
        RawTable onComplete = t.table("on_complete");
        return Step.builder()
                .id(id).title(title).description(t.string("description")).notes(t.string("notes"))
                .acceptance(t.string("acceptance")).type(t.string("type")).priority(priority)
                .labels(t.strings("labels")).needs(t.strings("needs")).dependsOn(t.strings("depends_on"))
                .waitsFor(t.string("waits_for")).assignee(t.string("assignee")).expand(expand)
                .expandVars(t.stringMap("expand_vars")).condition(t.string("condition"))
                .children(steps(t, "children"))
                .gate(gate == null ? null : new StepGate(gate.string("type"), gate.string("id"), gate.string("timeout")))
                .loop(loop)
                .onComplete(onComplete == null ? null : new OnComplete(onComplete.string("for_each"),
                        onComplete.string("bond"), onComplete.stringMap("vars"), onComplete.bool("parallel"),
                        onComplete.bool("sequential")))
                .sourceFormula(formulaName).sourceLocation(raw.path())
                .build();
    }

    private LoopSpec loop(RawTable t) {
        if (t == null) {
            return null;
        }
        return new LoopSpec(t.integerOrNull("count"), t.string("range"), t.string("until"), t.integerOrNull("max"),
                t.string("var"), t.stringMap("let"), steps(t, "body"));
    }

    private Compose compose(RawTable t) {
        if (t == null) {
            return Compose.EMPTY;
        }
        return new Compose(
                t.tables("expand").stream()
                        .map(e -> new Compose.ExpandRule(e.string("target"), e.string("with"), e.stringMap("vars")))
                        .toList(),
                t.tables("map").stream()
                        .map(m -> new Compose.MapRule(m.string("select"), m.string("with"), m.stringMap("vars")))
                        .toList(),
                t.tables("branch").stream()
                        .map(b -> new Compose.BranchRule(b.string("from"), b.strings("steps"), b.string("join")))
                        .toList(),
                t.tables("gate").stream()
                        .map(g -> new Compose.GateRule(g.string("before"), g.string("condition"))).toList(),
                t.strings("aspects"),
                t.tables("bond_points").stream()
                        .map(b -> new Compose.BondPoint(b.string("id"), b.string("description"),
                                b.string("after_step"), b.string("before_step"), b.bool("parallel")))
                        .toList(),
                t.tables("hooks").stream()
                        .map(h -> new Compose.Hook(h.string("trigger"), h.string("attach"), h.string("at"),
                                h.stringMap("vars")))
                        .toList());
    }

    private AdviceRule advice(RawTable t) {
        RawTable around = t.table("around");
        return new AdviceRule(t.string("target"), adviceStep(t.table("before")), adviceStep(t.table("after")),
                around == null ? List.of() : around.tables("before").stream().map(this::adviceStep).toList(),
                around == null ? List.of() : around.tables("after").stream().map(this::adviceStep).toList());
    }

    private AdviceRule.AdviceStep adviceStep(RawTable t) {
        if (t == null) {
            return null;
        }
        String id = t.string("id");
        if (id.isBlank()) {
            throw t.error(null, "advice step id is required");
        }
        return new AdviceRule.AdviceStep(id, t.string("title"), t.string("description"), t.string("type"),
                t.stringMap("args"), t.stringMap("output"));
    }

    private static ConvoySpec convoy(RawTable t) {
        Map<String, ConvoySpec.Input> inputs = new LinkedHashMap<>();
        RawTable inputTable = t.table("inputs");
        if (inputTable != null) {
            for (Map.Entry<String, Object> e : inputTable.entries().entrySet()) {
                RawTable in = inputTable.asTable(e.getValue(), "inputs." + e.getKey(), e.getKey());
                inputs.put(e.getKey(), new ConvoySpec.Input(in.string("description"), in.string("type"),
                        in.bool("required"), in.strings("required_unless"), in.scalarOrNull("default")));
            }
        }
        RawTable output = t.table("output");
        RawTable synthesis = t.table("synthesis");
        return new ConvoySpec(inputs, t.stringMap("prompts"),
                output == null ? null : new ConvoySpec.Output(output.string("directory"),
                        output.string("leg_pattern"), output.string("synthesis")),
                t.tables("legs").stream().map(FormulaDecoder::leg).toList(),
                synthesis == null ? null : new ConvoySpec.Synthesis(synthesis.string("title"),
                        synthesis.string("description"), synthesis.strings("depends_on")));
    }

    private static ConvoySpec.Leg leg(RawTable t) {
        String id = t.string("id");
        if (id.isBlank()) {
            throw t.error(null, "leg id is required");
        }
        return new ConvoySpec.Leg(id, t.string("title"), t.string("focus"), t.string("description"));
    }
}
