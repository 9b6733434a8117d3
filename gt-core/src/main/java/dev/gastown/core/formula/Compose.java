package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A formula's {@code [compose]} table: expansions to apply ({@code expand}, {@code map}), fork-join wiring
 * ({@code branch}), runtime gate labels ({@code gate}), aspects to weave, and the {@code bond_points} and
 * {@code hooks} that later bonding uses.
 */
public record Compose(List<ExpandRule> expand, List<MapRule> map, List<BranchRule> branch, List<GateRule> gate,
        List<String> aspects, List<BondPoint> bondPoints, List<Hook> hooks) {

    public static final Compose EMPTY = new Compose(null, null, null, null, null, null, null);

    public Compose {
        expand = expand == null ? List.of() : List.copyOf(expand);
        map = map == null ? List.of() : List.copyOf(map);
        branch = branch == null ? List.of() : List.copyOf(branch);
        gate = gate == null ? List.of() : List.copyOf(gate);
        aspects = aspects == null ? List.of() : List.copyOf(aspects);
        bondPoints = bondPoints == null ? List.of() : List.copyOf(bondPoints);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    /**
     * This compose inherited into {@code child}'s: lists are concatenated parent first, and a child bond point
     * replaces the parent's of the same id.
     */
    public Compose mergedWith(Compose child) {
        Map<String, BondPoint> points = new LinkedHashMap<>();
        bondPoints.forEach(bp -> points.put(bp.id(), bp));
        child.bondPoints.forEach(bp -> points.put(bp.id(), bp));
        return new Compose(concat(expand, child.expand), concat(map, child.map), concat(branch, child.branch),
                concat(gate, child.gate), concat(aspects, child.aspects), new ArrayList<>(points.values()),
                concat(hooks, child.hooks));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** {@code [[compose.expand]]}: replace step {@code target} by expansion formula {@code with}. */
    public record ExpandRule(String target, String with, Map<String, String> vars) {
        public ExpandRule {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
        }
    }

    /** {@code [[compose.map]]}: replace every step whose id matches glob {@code select} by expansion {@code with}. */
    public record MapRule(String select, String with, Map<String, String> vars) {
        public MapRule {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
        }
    }

    /** {@code [[compose.branch]]}: every one of {@code steps} needs {@code from}, and {@code join} needs them all. */
    public record BranchRule(String from, List<String> steps, String join) {
        public BranchRule {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /** {@code [[compose.gate]]}: label step {@code before} with a runtime {@code condition}. */
    public record GateRule(String before, String condition) {
    }

    /** {@code [[compose.bond_points]]}: a named place where other formulas may be bonded. */
    public record BondPoint(String id, String description, String afterStep, String beforeStep, boolean parallel) {
    }

    /** {@code [[compose.hooks]]}: attach formula {@code attach} when {@code trigger} (label:x, type:x, priority:a-b) fires. */
    public record Hook(String trigger, String attach, String at, Map<String, String> vars) {
        public Hook {
            vars = vars == null ? Map.of() : Map.copyOf(vars);
        }
    }
}
