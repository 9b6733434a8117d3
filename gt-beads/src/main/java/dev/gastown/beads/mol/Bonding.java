package dev.gastown.beads.mol;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bd mol bond}: joining two pieces of work. Two molecules get one edge, the second depending on the first;
 * two templates become one compound template; a template bonded to a molecule is poured (by the caller) and then
 * joined like two molecules.
 */
public final class Bonding {
    private Bonding() {
    }

    /** How the second piece relates to the first. */
    public enum BondType {
        /** Runs after the first. */
        SEQUENTIAL(DependencyType.BLOCKS),
        /** Runs alongside it, as its child. */
        PARALLEL(DependencyType.PARENT_CHILD),
        /** Runs only if the first fails. */
        CONDITIONAL(DependencyType.CONDITIONAL_BLOCKS);

        private final DependencyType edge;

        BondType(DependencyType edge) {
            this.edge = edge;
        }

        public DependencyType edge() {
            return edge;
        }

        public static BondType parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MoleculeException("invalid bond type \"" + s + "\" (sequential, parallel or conditional)");
            }
        }
    }

    /** Makes molecule {@code second} depend on molecule {@code first}. */
    public static void bond(StoreTransaction tx, BeadsContext ctx, String first, String second, BondType type) {
        Dependencies.add(tx, ctx, second, first, type.edge(), "");
    }

    /**
     * One template holding both: the second's root becomes a step under the first's root. Sequential and conditional
     * bonds make it wait on the first's final steps (those nothing else in the first waits for).
     */
    public static Template compound(Template first, Template second, BondType type) {
        Set<String> firstKeys = new HashSet<>();
        first.steps().forEach(s -> firstKeys.add(s.key()));
        for (TemplateNode s : second.steps()) {
            if (firstKeys.contains(s.key()) || s.key().equals(first.root().key())) {
                throw new MoleculeException("cannot bond " + first.name() + " and " + second.name()
                        + ": both have a step " + s.key());
            }
        }
        List<TemplateNode> steps = new ArrayList<>(first.steps());
        steps.add(second.root());
        steps.addAll(second.steps());
        List<TemplateEdge> edges = new ArrayList<>(first.edges());
        edges.addAll(second.edges());
        edges.add(new TemplateEdge(second.root().key(), first.root().key(), DependencyType.PARENT_CHILD, ""));
        if (type != BondType.PARALLEL) {
            Set<String> waitedOn = new HashSet<>();
            for (TemplateEdge e : first.edges()) {
                if (!e.type().equals(DependencyType.PARENT_CHILD)) {
                    waitedOn.add(e.to());
                }
            }
            for (TemplateNode s : first.steps()) {
                if (!waitedOn.contains(s.key())) {
                    edges.add(new TemplateEdge(second.root().key(), s.key(), type.edge(), ""));
                }
            }
        }
        return new Template(first.name() + "+" + second.name(), first.root(), steps, edges);
    }
}
