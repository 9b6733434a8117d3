package dev.gastown.beads.mol;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.Partition;
import dev.gastown.beads.store.Store;
import dev.gastown.beads.store.StoreView;
import java.util.Iterator;
import java.util.List;

/**
 * {@code bd mol pour} and {@code bd mol wisp}: a template becomes a molecule, all or nothing, and the result is read
 * back and checked — every node present, every edge in place — before the caller is told it worked. Molecules of up
 * to {@link #BULK_THRESHOLD} issues go through an ordinary transaction; bigger ones stream straight into a
 * compaction.
 */
public final class Pouring {
    public static final int BULK_THRESHOLD = 5_000;

    private Pouring() {
    }

    public static Poured pour(Store store, BeadsContext ctx, Template template, PourOptions options) {
        Instantiation plan;
        if (template.issueCount() <= BULK_THRESHOLD) {
            plan = store.write(tx -> {
                Instantiation p = Instantiation.plan(tx, ctx, template, options);
                for (int i = 0; i < p.size(); i++) {
                    tx.put(p.issue(i));
                }
                return p;
            });
        } else {
            plan = store.bulkInsert(options.wisp() ? Partition.WISPS : Partition.ISSUES, view -> {
                Instantiation p = Instantiation.plan(view, ctx, template, options);
                Integer[] order = p.byId();
                Iterator<Issue> issues = new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < order.length;
                    }

                    @Override
                    public Issue next() {
                        return p.issue(order[next++]);
                    }
                };
                return new Store.BulkInsert<>(issues, p);
            });
        }
        int edges = store.read(view -> verify(view, plan, template));
        return new Poured(plan.id(0), plan.keys(), plan.ids(), plan.size(), edges, options.wisp());
    }

    /** Reads the molecule back: every node present, with exactly the template's edges. Returns the edge count. */
    private static int verify(StoreView view, Instantiation plan, Template template) {
        int[] outDegree = new int[plan.size()];
        java.util.Map<String, Integer> index = new java.util.HashMap<>(plan.size() * 2);
        List<String> keys = plan.keys();
        for (int i = 0; i < keys.size(); i++) {
            index.put(keys.get(i), i);
        }
        for (TemplateEdge e : template.edges()) {
            outDegree[index.get(e.from())]++;
        }
        int edges = 0;
        for (int i = 0; i < plan.size(); i++) {
            IssueSummary s = view.summary(plan.id(i));
            if (s == null) {
                throw new MoleculeException("molecule " + plan.id(0) + " is incomplete: step " + keys.get(i)
                        + " (" + plan.id(i) + ") was not written");
            }
            if (s.edges().size() != outDegree[i]) {
                throw new MoleculeException("molecule " + plan.id(0) + ": step " + keys.get(i) + " has "
                        + s.edges().size() + " dependencies, the template has " + outDegree[i]);
            }
            for (Edge e : s.edges()) {
                if (!view.contains(e.target())) {
                    throw new MoleculeException("molecule " + plan.id(0) + ": step " + plan.id(i)
                            + " depends on " + e.target() + ", which does not exist");
                }
            }
            edges += s.edges().size();
        }
        if (edges != template.edges().size()) {
            throw new MoleculeException("molecule " + plan.id(0) + " has " + edges + " dependencies, the template "
                    + template.edges().size());
        }
        return edges;
    }
}
