package dev.gastown.core.formula;

import dev.gastown.beads.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Unrolls {@code [steps.loop]}s into plain steps. Iteration N of loop {@code L} turns body step {@code b} into
 * {@code L.iterN.b}; references between body steps stay inside their iteration, iteration N+1's first step needs
 * iteration N's last step, the first step of iteration 1 takes over the loop step's own {@code needs}, and steps that
 * needed the loop step need the very last unrolled step instead. Work is linear in the number of unrolled steps.
 *
 * <p>{@code {var}} and {@code let} values are substituted into the body's text; expressions see formula variables
 * (given or default values) and the values of enclosing loops.
 */
final class LoopUnroller {
    /** Upper bound on the steps one loop may generate: a typo in a range must not exhaust the heap. */
    static final long MAX_GENERATED_STEPS = 5_000_000;

    private final Formula formula;
    private final Map<String, String> formulaVars;
    private final Set<String> referencedVars;
    private final Map<String, String> exitOfLoop = new HashMap<>();

    /**
     * @param formulaVars    values of the formula's variables (given over defaults), readable by expressions
     * @param referencedVars collects the formula variables that expressions read
     */
    LoopUnroller(Formula formula, Map<String, String> formulaVars, Set<String> referencedVars) {
        this.formula = formula;
        this.formulaVars = formulaVars;
        this.referencedVars = referencedVars;
    }

    List<Step> unroll(List<Step> steps) {
        List<Step> unrolled = unrollList(steps, Scope.EMPTY);
        return exitOfLoop.isEmpty() ? unrolled : StepTree.renameReferences(unrolled, exitOfLoop);
    }

    private List<Step> unrollList(List<Step> steps, Scope scope) {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            if (s.loop() != null) {
                out.addAll(expand(s, scope));
            } else if (!s.children().isEmpty()) {
                out.add(s.withChildren(unrollList(s.children(), scope)));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Names visible to a loop's expressions and text, with their slot in the per-iteration value array. */
    private record Scope(List<String> names, Object[] values) {
        static final Scope EMPTY = new Scope(List.of(), new Object[0]);
    }

    private List<Step> expand(Step loopStep, Scope outer) {
        LoopSpec loop = loopStep.loop();
        validate(loopStep);
        Layout layout = new Layout(loopStep, outer);
        long first;
        long iterations;
        if (loop.count() != null) {
            first = 1;
            iterations = loop.count();
        } else if (!loop.range().isEmpty()) {
            long[] bounds = range(loopStep, outer);
            first = bounds[0];
            iterations = bounds[1] - bounds[0] + 1;
            if (iterations < 1) {
                throw error(loopStep, "range \"" + loop.range() + "\" is empty (" + bounds[0] + ".." + bounds[1] + ")");
            }
        } else {
            first = 1;
            iterations = 1;
        }
        long generated = iterations * loop.body().size();
        if (generated > MAX_GENERATED_STEPS) {
            throw error(loopStep, "loop would generate " + generated + " steps, more than the limit of "
                    + MAX_GENERATED_STEPS);
        }
        Set<String> bodyIds = StepTree.ids(loop.body());
        List<CompiledStep> body = new ArrayList<>();
        for (Step b : loop.body()) {
            body.add(new CompiledStep(b, layout.slotByName));
        }

        boolean nested = containsLoop(loop.body());
        List<Step> out = new ArrayList<>((int) generated);
        Step previousLast = null;
        for (long n = 1; n <= iterations; n++) {
            Object[] values = layout.valuesFor(first + n - 1, n);
            String prefix = loopStep.id() + ".iter" + n + ".";
            List<String> headNeeds = n == 1 ? loopStep.prerequisites() : List.of(previousLast.id());
            List<Step> iteration = new ArrayList<>(body.size());
            for (int i = 0; i < body.size(); i++) {
                iteration.add(body.get(i).instantiate(prefix, bodyIds, values, layout, i == 0 ? headNeeds : List.of()));
            }
            if (nested) {
                iteration = unrollList(iteration, new Scope(layout.names, values));
            }
            if (!loop.until().isEmpty()) {
                iteration.set(0, iteration.get(0).withLabel("loop:" + new JsonObject()
                        .put("max", (long) loop.max()).put("until", loop.until()).toJson()));
            }
            out.addAll(iteration);
            previousLast = iteration.get(iteration.size() - 1);
        }
        exitOfLoop.put(loopStep.id(), previousLast.id());
        return out;
    }

    private static boolean containsLoop(List<Step> steps) {
        for (Step s : steps) {
            if (s.loop() != null || containsLoop(s.children())) {
                return true;
            }
        }
        return false;
    }

    private void validate(Step loopStep) {
        LoopSpec loop = loopStep.loop();
        if (loop.body().isEmpty()) {
            throw error(loopStep, "loop body is required");
        }
        int kinds = (loop.count() != null ? 1 : 0) + (loop.range().isEmpty() ? 0 : 1) + (loop.until().isEmpty() ? 0 : 1);
        if (kinds != 1) {
            throw error(loopStep, "a loop needs exactly one of count, range or until");
        }
        if (loop.count() != null && loop.count() < 1) {
            throw error(loopStep, "loop count must be at least 1, got " + loop.count());
        }
        if (!loop.until().isEmpty() && (loop.max() == null || loop.max() < 1)) {
            throw error(loopStep, "an until loop needs max >= 1");
        }
    }

    private long[] range(Step loopStep, Scope outer) {
        String range = loopStep.loop().range();
        int dots = range.indexOf("..");
        if (dots < 0) {
            throw error(loopStep, "range \"" + range + "\" must look like start..end");
        }
        Map<String, Integer> outerSlots = new HashMap<>();
        for (int i = 0; i < outer.names().size(); i++) {
            outerSlots.put(outer.names().get(i), i);
        }
        long[] bounds = new long[2];
        String[] parts = {range.substring(0, dots), range.substring(dots + 2)};
        for (int i = 0; i < 2; i++) {
            try {
                Expression e = ExpressionParser.parse(parts[i], name -> {
                    Integer slot = outerSlots.get(name);
                    return slot != null ? new Expression.Slot(slot, name) : formulaVar(name);
                });
                bounds[i] = e.evalLong(outer.values());
            } catch (ExpressionException e) {
                throw error(loopStep, "range \"" + range + "\": " + e.getMessage());
            }
        }
        return bounds;
    }

    private Expression formulaVar(String name) {
        String value = formulaVars.get(name);
        if (value == null) {
            boolean declared = formula.vars().containsKey(name);
            throw new ExpressionException(declared ? "variable " + name + " has no value (give it with --var)"
                    : "unknown name " + name);
        }
        referencedVars.add(name);
        return new Expression.Constant(value, name);
    }

    private FormulaException error(Step loopStep, String reason) {
        return formula.error(FormulaException.Kind.EXPRESSION, loopStep.id(), reason);
    }

    /**
     * The per-iteration value array of one loop: the enclosing loops' values, the loop variable, then the lets,
     * which are evaluated in dependency order.
     */
    private final class Layout {
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> slotByName = new HashMap<>();
        private final Step loopStep;
        private final Object[] outerValues;
        private final int varSlot;
        private final int[] letOrder;
        private final Expression[] letExpressions;

        Layout(Step loopStep, Scope outer) {
            this.loopStep = loopStep;
            LoopSpec loop = loopStep.loop();
            outerValues = outer.values();
            outer.names().forEach(this::add);
            varSlot = loop.var().isEmpty() ? -1 : add(loop.var());
            List<String> lets = new ArrayList<>(new TreeSet<>(loop.let().keySet()));
            int firstLet = names.size();
            lets.forEach(this::add);
            letExpressions = new Expression[names.size()];
            Map<String, Set<String>> letDeps = new HashMap<>();
            for (String let : lets) {
                Set<String> deps = new HashSet<>();
                try {
                    letExpressions[slotByName.get(let)] = ExpressionParser.parse(loop.let().get(let), name -> {
                        Integer slot = slotByName.get(name);
                        if (slot == null) {
                            return formulaVar(name);
                        }
                        if (slot >= firstLet) {
                            deps.add(name);
                        }
                        return new Expression.Slot(slot, name);
                    });
                } catch (ExpressionException e) {
                    throw error(loopStep, "let " + let + " = \"" + loop.let().get(let) + "\": " + e.getMessage());
                }
                letDeps.put(let, deps);
            }
            letOrder = evaluationOrder(lets, letDeps);
        }

        private int add(String name) {
            Integer existing = slotByName.get(name);
            if (existing != null) {
                return existing;
            }
            names.add(name);
            slotByName.put(name, names.size() - 1);
            return names.size() - 1;
        }

        private int[] evaluationOrder(List<String> lets, Map<String, Set<String>> deps) {
            List<Integer> order = new ArrayList<>();
            Set<String> done = new HashSet<>();
            Set<String> visiting = new HashSet<>();
            for (String let : lets) {
                visit(let, deps, done, visiting, order, new ArrayDeque<>());
            }
            return order.stream().mapToInt(Integer::intValue).toArray();
        }

        private void visit(String let, Map<String, Set<String>> deps, Set<String> done,
                Set<String> visiting, List<Integer> order, Deque<String> path) {
            if (done.contains(let)) {
                return;
            }
            path.addLast(let);
            if (!visiting.add(let)) {
                throw error(loopStep, "lets refer to each other in a cycle: " + String.join(" -> ", path));
            }
            for (String d : new TreeSet<>(deps.get(let))) {
                visit(d, deps, done, visiting, order, path);
            }
            path.removeLast();
            visiting.remove(let);
            done.add(let);
            order.add(slotByName.get(let));
        }

        Object[] valuesFor(long varValue, long iteration) {
            Object[] values = Arrays.copyOf(outerValues, names.size());
            if (varSlot >= 0) {
                values[varSlot] = varValue;
            }
            for (int slot : letOrder) {
                try {
                    values[slot] = letExpressions[slot].eval(values);
                } catch (ExpressionException e) {
                    throw error(loopStep, "let " + names.get(slot) + " in iteration " + iteration + ": "
                            + e.getMessage());
                }
            }
            return values;
        }

        /** The values as strings, for expansion vars of body steps that expand. */
        Map<String, String> stringValues(Object[] values) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), String.valueOf(values[i]));
            }
            return m;
        }
    }

    /** A body step with its text compiled for substitution, instantiated once per iteration. */
    private static final class CompiledStep {
        private final Step body;
        private final PlaceholderText title;
        private final PlaceholderText description;
        private final PlaceholderText notes;
        private final PlaceholderText acceptance;
        private final PlaceholderText assignee;
        private final List<PlaceholderText> labels;
        private final List<CompiledStep> children;

        CompiledStep(Step body, Map<String, Integer> slots) {
            this.body = body;
            title = PlaceholderText.compile(body.title(), slots);
            description = PlaceholderText.compile(body.description(), slots);
            notes = PlaceholderText.compile(body.notes(), slots);
            acceptance = PlaceholderText.compile(body.acceptance(), slots);
            assignee = PlaceholderText.compile(body.assignee(), slots);
            labels = body.labels().stream().map(l -> PlaceholderText.compile(l, slots)).toList();
            children = body.children().stream().map(c -> new CompiledStep(c, slots)).toList();
        }

        /** This body step in one iteration; {@code extraNeeds} chain it to what comes before the iteration. */
        Step instantiate(String prefix, Set<String> bodyIds, Object[] values, Layout layout, List<String> extraNeeds) {
            Step.Builder b = body.toBuilder()
                    .id(prefix + body.id())
                    .title(title.render(values))
                    .description(description.render(values))
                    .notes(notes.render(values))
                    .acceptance(acceptance.render(values))
                    .assignee(assignee.render(values))
                    .needs(withExtra(local(body.needs(), prefix, bodyIds), extraNeeds))
                    .dependsOn(local(body.dependsOn(), prefix, bodyIds));
            if (!labels.isEmpty()) {
                b.labels(labels.stream().map(l -> l.render(values)).toList());
            }
            if (!children.isEmpty()) {
                b.children(children.stream().map(c -> c.instantiate(prefix, bodyIds, values, layout, List.of())).toList());
            }
            if (!body.expand().isEmpty()) {
                Map<String, String> vars = new LinkedHashMap<>(layout.stringValues(values));
                vars.putAll(body.expandVars());
                b.expandVars(vars);
            }
            return b.build();
        }

        private static List<String> withExtra(List<String> needs, List<String> extra) {
            if (extra.isEmpty()) {
                return needs;
            }
            if (needs.isEmpty()) {
                return extra;
            }
            List<String> all = new ArrayList<>(needs);
            extra.stream().filter(e -> !all.contains(e)).forEach(all::add);
            return all;
        }

        private static List<String> local(List<String> refs, String prefix, Set<String> bodyIds) {
            if (refs.isEmpty()) {
                return refs;
            }
            List<String> out = new ArrayList<>(refs.size());
            for (String r : refs) {
                out.add(bodyIds.contains(r) ? prefix + r : r);
            }
            return out;
        }
    }
}
