package dev.gastown.beads.mol;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.query.Descendants;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Walking a molecule: its root, its steps in order, what state each is in, and which step comes next. Step order is
 * topological over the {@code blocks} edges between steps, ties broken by creation time (pour stamps steps in
 * formula order) and then id, so the order is the formula's order whenever the formula allows it.
 */
public final class Molecules {
    private Molecules() {
    }

    /** The molecule an issue belongs to: the top of its parent chain, when it has a parent; else empty. */
    public static Optional<String> rootOf(StoreView view, String id) {
        String current = id;
        Set<String> seen = new java.util.HashSet<>();
        while (seen.add(current)) {
            IssueSummary s = view.summary(current);
            if (s == null) {
                break;
            }
            List<String> parents = s.parents();
            if (parents.isEmpty() || view.summary(parents.get(0)) == null) {
                break;
            }
            current = parents.get(0);
        }
        return current.equals(id) ? Optional.empty() : Optional.of(current);
    }

    /** Whether {@code id} looks like a molecule root: an epic or molecule, or a template, with children. */
    public static boolean isRoot(StoreView view, String id) {
        IssueSummary s = view.summary(id);
        return s != null && (s.type().equals(IssueType.EPIC) || s.type().equals(IssueType.MOLECULE)
                || s.template() || s.labels().contains("template")) && !view.children(id).isEmpty();
    }

    public static StepState state(StoreView view, IssueRow step) {
        Status s = step.status();
        if (s.isTerminal()) {
            return StepState.DONE;
        }
        if (s.equals(Status.IN_PROGRESS) || s.equals(Status.HOOKED)) {
            return StepState.CURRENT;
        }
        if (s.equals(Status.BLOCKED)) {
            return StepState.BLOCKED;
        }
        return isReady(view, step) ? StepState.READY : StepState.PENDING;
    }

    /** Open, claimable, and held up by nothing. Unlike the original, wisp steps qualify. */
    public static boolean isReady(StoreView view, IssueRow step) {
        return step.status().equals(Status.OPEN) && !step.pinned()
                && !IssueType.NOT_WORK.contains(step.type()) && !view.isBlocked(step);
    }

    /** All steps of the molecule rooted at {@code root}, in step order. */
    public static List<IssueSummary> steps(StoreView view, String root) {
        Map<String, IssueSummary> steps = new HashMap<>();
        for (String id : Descendants.of(view, root)) {
            IssueSummary s = view.summary(id);
            if (s != null) {
                steps.put(id, s);
            }
        }
        return topological(steps);
    }

    private static List<IssueSummary> topological(Map<String, IssueSummary> steps) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> unlocks = new HashMap<>();
        for (IssueSummary s : steps.values()) {
            int n = 0;
            for (Edge e : s.edges()) {
                if (e.type().equals(DependencyType.BLOCKS) && steps.containsKey(e.target())) {
                    n++;
                    unlocks.computeIfAbsent(e.target(), k -> new ArrayList<>()).add(s.id());
                }
            }
            waiting.put(s.id(), n);
        }
        Comparator<IssueSummary> order = Comparator.comparingLong(IssueSummary::createdMicros)
                .thenComparing(IssueSummary::id);
        PriorityQueue<IssueSummary> free = new PriorityQueue<>(order);
        steps.values().stream().filter(s -> waiting.get(s.id()) == 0).forEach(free::add);
        List<IssueSummary> out = new ArrayList<>(steps.size());
        while (!free.isEmpty()) {
            IssueSummary s = free.poll();
            out.add(s);
            for (String next : unlocks.getOrDefault(s.id(), List.of())) {
                if (waiting.merge(next, -1, Integer::sum) == 0) {
                    free.add(steps.get(next));
                }
            }
        }
        if (out.size() < steps.size()) { // a cycle among steps: append the rest in creation order
            steps.values().stream().filter(s -> !out.contains(s)).sorted(order).forEach(out::add);
        }
        return out;
    }

    /**
     * The step to work on after {@code closed}: a step it was holding up that is now ready, else the first ready step
     * of the molecule in step order. Empty when the molecule has no ready step.
     */
    public static Optional<IssueSummary> nextReady(StoreView view, String root, String closed) {
        List<IssueSummary> unblocked = new ArrayList<>();
        for (Incoming in : view.dependents(closed)) {
            if (in.type().equals(DependencyType.BLOCKS)) {
                IssueSummary s = view.summary(in.sourceId());
                if (s != null && isReady(view, s) && rootOf(view, s.id()).filter(root::equals).isPresent()) {
                    unblocked.add(s);
                }
            }
        }
        if (!unblocked.isEmpty()) {
            unblocked.sort(Comparator.comparingLong(IssueSummary::createdMicros).thenComparing(IssueSummary::id));
            return Optional.of(unblocked.get(0));
        }
        return steps(view, root).stream().filter(s -> isReady(view, s)).findFirst();
    }

    /**
     * Where a (possibly huge) molecule stands, in one pass over the index and without ordering its steps: counts by
     * state, the steps in progress, and the ready step created first (pour stamps steps in formula order, so that is
     * the next step in formula order). Nested steps are found below epic and molecule steps, which is where formula
     * nesting and bonding put them.
     */
    public record Progress(String rootId, int total, int done, int inProgress, int ready, List<String> current,
            String nextStep) {

        /** The step to work on: the first one in progress, else the next ready one; null when there is none. */
        public String currentStep() {
            return !current.isEmpty() ? current.get(0) : nextStep;
        }

        /** The {@code bd mol progress --json} shape. */
        public JsonObject toJson(String title) {
            JsonObject o = new JsonObject().put("molecule_id", rootId).put("molecule_title", title)
                    .put("total", total).put("completed", done).put("in_progress", inProgress).put("ready", ready);
            return currentStep() == null ? o : o.put("current_step_id", currentStep());
        }
    }

    public static Progress progress(StoreView view, String root) {
        int[] c = new int[4];
        List<String> current = new ArrayList<>();
        String[] next = {null};
        long[] nextCreated = {Long.MAX_VALUE};
        ArrayDeque<String> parents = new ArrayDeque<>();
        Set<String> seen = new java.util.HashSet<>();
        parents.add(root);
        seen.add(root);
        while (!parents.isEmpty()) {
            view.forEachChild(parents.poll(), row -> {
                c[0]++;
                StepState st = state(view, row);
                if (st == StepState.DONE) {
                    c[1]++;
                } else if (st == StepState.CURRENT) {
                    c[2]++;
                    current.add(row.id());
                } else if (st == StepState.READY) {
                    c[3]++;
                    if (row.createdMicros() < nextCreated[0]
                            || row.createdMicros() == nextCreated[0] && row.id().compareTo(next[0]) < 0) {
                        nextCreated[0] = row.createdMicros();
                        next[0] = row.id();
                    }
                }
                if (row.type().equals(IssueType.EPIC) || row.type().equals(IssueType.MOLECULE)) {
                    String id = row.id();
                    if (seen.add(id)) {
                        parents.add(id);
                    }
                }
            });
        }
        current.sort(null);
        return new Progress(root, c[0], c[1], c[2], c[3], current, next[0]);
    }

    /** Used by callers that accept either a step or a molecule id. */
    public static String rootOrSelf(StoreView view, String id) {
        return rootOf(view, id).orElse(id);
    }
}
