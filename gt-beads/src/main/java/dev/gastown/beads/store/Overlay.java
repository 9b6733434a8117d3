package dev.gastown.beads.store;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.graph.WaitGate;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes on top of the index: the journal's committed-but-uncompacted changes, or (with a parent) one open
 * transaction's. Besides the new state of each changed issue it keeps, incrementally, what the ready computation
 * needs to stay exact without re-reading the store: edges from changed issues as seen from their targets, and the
 * issues whose direct blocking may have changed ({@link #affected}), an over-approximation that only grows.
 */
final class Overlay {
    /** Edge types through which a change to the target can change the source's direct blocking. */
    private static final List<DependencyType> DIRECT_BLOCKING = List.of(DependencyType.BLOCKS,
            DependencyType.CONDITIONAL_BLOCKS, DependencyType.WAITS_FOR);

    private final Overlay parent;
    private final IndexFile index;
    /** id to new state; a null value is a hard delete. Insertion order is commit order. */
    private final LinkedHashMap<String, Issue> changes = new LinkedHashMap<>();
    private final Map<String, IssueSummary> summaries = new HashMap<>();
    /** target id to edges from the current versions of changed issues in this layer. */
    private final Map<String, List<Incoming>> reverse = new HashMap<>();
    private final Map<String, String> spawnerOf = new HashMap<>();
    private final Set<String> affected = new HashSet<>();
    private final Set<Integer> changedRecords = new HashSet<>();
    private final Set<Integer> affectedRecords = new HashSet<>();

    Overlay(IndexFile index, Overlay parent) {
        this.index = index;
        this.parent = parent;
    }

    boolean isEmpty() {
        return changes.isEmpty() && (parent == null || parent.isEmpty());
    }

    int size() {
        return changes.size();
    }

    /** This layer's changes, in order. */
    Map<String, Issue> changes() {
        return changes;
    }

    /** Whether {@code id} changed in this layer or below. */
    boolean isChanged(String id) {
        return changes.containsKey(id) || parent != null && parent.isChanged(id);
    }

    /** The new state of a changed issue; null when it was deleted. Call only when {@link #isChanged}. */
    Issue current(String id) {
        if (changes.containsKey(id)) {
            return changes.get(id);
        }
        return parent.current(id);
    }

    IssueSummary currentSummary(String id) {
        if (changes.containsKey(id)) {
            Issue i = changes.get(id);
            if (i == null) {
                return null;
            }
            IssueSummary s = summaries.get(id); // stored by apply(); readers never modify the map
            return s != null ? s : IssueSummary.of(i);
        }
        return parent.currentSummary(id);
    }

    boolean isAffected(String id) {
        return affected.contains(id) || parent != null && parent.isAffected(id);
    }

    /** Whether base record {@code r}'s issue changed in this layer or below. */
    boolean isChangedRecord(int r) {
        return changedRecords.contains(r) || parent != null && parent.isChangedRecord(r);
    }

    boolean isAffectedRecord(int r) {
        return affectedRecords.contains(r) || parent != null && parent.isAffectedRecord(r);
    }

    /** Every changed issue's current state (null: deleted), each id once, the top layer winning. */
    void forEachCurrent(java.util.function.BiConsumer<String, Issue> action) {
        if (parent != null) {
            parent.forEachCurrent((id, issue) -> {
                if (!changes.containsKey(id)) {
                    action.accept(id, issue);
                }
            });
        }
        changes.forEach(action);
    }

    private void markAffected(String id) {
        if (affected.add(id)) {
            int r = index.find(id);
            if (r >= 0) {
                affectedRecords.add(r);
            }
        }
    }

    /** Edges into {@code target} from changed issues, top layer winning over the layers below it. */
    void incoming(String target, List<Incoming> out) {
        if (parent != null) {
            for (Incoming in : parent.reverseOf(target)) {
                if (!changes.containsKey(in.sourceId())) {
                    out.add(in);
                }
            }
        }
        out.addAll(reverseOf(target));
    }

    private List<Incoming> reverseOf(String target) {
        return reverse.getOrDefault(target, List.of());
    }

    /** Waits-for sources naming {@code spawner} explicitly, from changed issues. */
    void spawnerSources(String spawner, List<String> out) {
        if (parent != null) {
            parent.spawnerSources(spawner, out);
        }
        spawnerOf.forEach((source, s) -> {
            if (s.equals(spawner)) {
                out.add(source);
            }
        });
    }

    /** Records the new state of {@code id} (null: deleted) and widens the affected set accordingly. */
    void apply(String id, Issue next, View view) {
        IssueSummary before = view.summary(id);
        Issue previousInLayer = changes.get(id);
        if (changes.containsKey(id) && previousInLayer != null) {
            for (Edge e : summaries.get(id).edges()) {
                List<Incoming> list = reverse.get(e.target());
                if (list != null) {
                    list.removeIf(in -> in.sourceId().equals(id));
                }
            }
            spawnerOf.remove(id);
        }
        changes.put(id, next);
        summaries.remove(id);
        markAffected(id);
        int record = index.find(id);
        if (record >= 0) {
            changedRecords.add(record);
        }
        IssueSummary after = null;
        if (next != null) {
            after = IssueSummary.of(next);
            summaries.put(id, after);
        }
        if (after != null) {
            for (Edge e : after.edges()) {
                reverse.computeIfAbsent(e.target(), k -> new ArrayList<>(2)).add(new Incoming(id, e.type()));
                if (e.gate() != WaitGate.NONE && !e.spawner().equals(e.target())) {
                    spawnerOf.put(id, e.spawner());
                }
            }
        }
        // Whoever depends on id through a blocking edge may change (children follow through the ancestor walk);
        // so may whoever waits on the children of id's old and new parents.
        for (DependencyType t : DIRECT_BLOCKING) {
            view.dependentsOfType(id, t).forEach(this::markAffected);
        }
        Set<String> parents = new HashSet<>();
        if (before != null) {
            parents.addAll(before.parents());
        }
        if (after != null) {
            parents.addAll(after.parents());
        }
        for (String p : parents) {
            view.dependentsOfType(p, DependencyType.WAITS_FOR).forEach(this::markAffected);
            view.spawnerSources(p).forEach(this::markAffected);
        }
    }

    /** Folds this layer into its parent (a committed transaction joining the journal's overlay). */
    void mergeInto(Overlay target, View view) {
        for (Map.Entry<String, Issue> e : changes.entrySet()) {
            target.apply(e.getKey(), e.getValue(), view);
        }
        affected.forEach(target::markAffected);
    }

    IndexFile index() {
        return index;
    }
}
