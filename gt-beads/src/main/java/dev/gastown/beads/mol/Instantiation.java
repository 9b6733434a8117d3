package dev.gastown.beads.mol;

import dev.gastown.beads.id.HashIds;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.InvalidInputException;
import dev.gastown.beads.store.IdOrder;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The issues a template becomes, with fresh ids (not hierarchical: hierarchy lives in the parent-child edges, as in
 * the original) and creation stamps one nanosecond apart in template order, so that step order survives as creation
 * order. Issues are built on demand from the plan, so a million-step molecule never exists as a million objects.
 *
 * <p>Unlike the original, labels and dependency metadata are copied from the template: a waits-for gate keeps its
 * {@code any-children} kind.
 */
final class Instantiation {
    private final Template template;
    private final PourOptions options;
    private final String actor;
    private final List<TemplateNode> nodes;
    private final String[] ids;
    private final long baseNanos;
    private final int offsetSeconds;
    /** Per node, the indexes into the template's edge list of the edges that leave it. */
    private final int[][] outgoing;
    private final Map<String, Integer> indexOfKey;

    private Instantiation(StoreView view, BeadsContext ctx, Template template, PourOptions options) {
        this.template = template;
        this.options = options;
        this.actor = ctx.actor();
        this.nodes = new ArrayList<>(template.issueCount());
        nodes.add(template.root());
        nodes.addAll(template.steps());
        this.indexOfKey = new HashMap<>(nodes.size() * 2);
        for (int i = 0; i < nodes.size(); i++) {
            if (indexOfKey.put(nodes.get(i).key(), i) != null) {
                throw new InvalidInputException("template " + template.name() + " has two steps with key "
                        + nodes.get(i).key());
            }
        }
        this.outgoing = groupEdges();
        Timestamp now = Timestamp.now();
        this.baseNanos = now.epochNanos();
        this.offsetSeconds = offsetOf(now);
        this.ids = mintIds(view, ctx);
    }

    static Instantiation plan(StoreView view, BeadsContext ctx, Template template, PourOptions options) {
        return new Instantiation(view, ctx, template, options);
    }

    int size() {
        return nodes.size();
    }

    String id(int node) {
        return ids[node];
    }

    List<String> ids() {
        return Arrays.asList(ids);
    }

    List<String> keys() {
        return nodes.stream().map(TemplateNode::key).toList();
    }

    /** Node indexes ordered by their new ids: the order the bulk path writes in. */
    Integer[] byId() {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> IdOrder.compare(ids[a], ids[b]));
        return order;
    }

    Issue issue(int node) {
        TemplateNode n = nodes.get(node);
        Timestamp created = Timestamp.ofEpochNanos(baseNanos + node, offsetSeconds);
        List<Dependency> deps = new ArrayList<>(outgoing[node].length);
        for (int e : outgoing[node]) {
            TemplateEdge edge = template.edges().get(e);
            deps.add(new Dependency(ids[node], ids[indexOfKey.get(edge.to())], edge.type(), created, actor,
                    edge.metadata(), "", List.of()));
        }
        Issue.Builder b = Issue.builder()
                .id(ids[node])
                .title(n.title())
                .description(n.description())
                .design(n.design())
                .acceptanceCriteria(n.acceptanceCriteria())
                .notes(n.notes())
                .status(Status.OPEN)
                .priority(n.priority())
                .issueType(n.type())
                .assignee(node == 0 && !options.assignee().isEmpty() ? options.assignee() : n.assignee())
                .estimatedMinutes(n.estimatedMinutes())
                .createdAt(created)
                .createdBy(actor)
                .updatedAt(created)
                .labels(n.labels().stream().sorted().toList())
                .dependencies(deps)
                .ephemeral(options.wisp())
                .sourceFormula(n.sourceFormula().isEmpty() ? template.name() : n.sourceFormula())
                .sourceLocation(n.sourceLocation());
        if (n.gate() != null) {
            b.awaitType(n.gate().awaitType()).awaitId(n.gate().awaitId()).timeout(n.gate().timeoutNanos());
        }
        return b.build();
    }

    private int[][] groupEdges() {
        int[] counts = new int[nodes.size()];
        List<TemplateEdge> edges = template.edges();
        for (TemplateEdge e : edges) {
            Integer from = indexOfKey.get(e.from());
            if (from == null || !indexOfKey.containsKey(e.to())) {
                throw new InvalidInputException("template " + template.name() + " has an edge between unknown steps "
                        + e.from() + " -> " + e.to());
            }
            counts[from]++;
        }
        int[][] out = new int[nodes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int e = 0; e < edges.size(); e++) {
            int from = indexOfKey.get(edges.get(e).from());
            out[from][counts[from]++] = e;
        }
        return out;
    }

    private String[] mintIds(StoreView view, BeadsContext ctx) {
        String prefix = ctx.requirePrefix() + "-" + options.idKind();
        long existing = view.topLevelCount(prefix);
        Set<String> minted = new HashSet<>(nodes.size() * 2);
        String[] out = new String[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            TemplateNode n = nodes.get(i);
            String id = HashIds.mint(prefix, n.title(), n.description(), actor, baseNanos + i, existing + minted.size(),
                    candidate -> minted.contains(candidate) || view.contains(candidate));
            minted.add(id);
            out[i] = id;
        }
        return out;
    }

    private static int offsetOf(Timestamp t) {
        return java.util.TimeZone.getDefault().getOffset(t.epochNanos() / 1_000_000) / 1000;
    }
}
