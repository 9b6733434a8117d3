package dev.gastown.beads.query;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ready work (the original's GetReadyWork): open or in-progress issues that are not pinned, not wisps, not plumbing
 * types (merge requests, gates, molecules, messages, agents) unless a type is asked for, not blocked, and not
 * deferred into the future; then sorted and cut to the limit.
 */
public final class ReadyQuery {
    private static final long HYBRID_WINDOW_MICROS = 48L * 3600 * 1_000_000;

    private ReadyQuery() {
    }

    /** A candidate with just what sorting needs, so rows need not be kept. */
    private record Candidate(String id, int priority, long created) {
    }

    public static List<String> ready(StoreView view, ReadyFilter f, long nowMicros, ExternalCapabilities external) {
        Set<String> scope = f.parent() == null ? null : Descendants.of(view, f.parent());
        List<Candidate> found = new ArrayList<>();
        view.forEachActive((IssueRow row) -> {
            if (qualifies(view, row, f, nowMicros, scope, external)) {
                found.add(new Candidate(row.id(), row.priority(), row.createdMicros()));
            }
        });
        found.sort(order(f.sort(), nowMicros));
        int n = f.limit() <= 0 ? found.size() : Math.min(f.limit(), found.size());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(found.get(i).id());
        }
        return out;
    }

    static boolean qualifies(StoreView view, IssueRow row, ReadyFilter f, long nowMicros, Set<String> scope,
            ExternalCapabilities external) {
        Status s = row.status();
        if (f.status() != null ? !s.equals(f.status()) : !(s.equals(Status.OPEN) || s.equals(Status.IN_PROGRESS))) {
            return false;
        }
        if (row.pinned() || row.ephemeral()) {
            return false;
        }
        IssueType type = row.type();
        if (f.type() != null ? !type.equals(f.type()) : IssueType.NOT_WORK.contains(type)) {
            return false;
        }
        if (!f.includeDeferred() && row.deferMicros() != IssueSummary.NOT_DEFERRED && row.deferMicros() > nowMicros) {
            return false;
        }
        if (f.priority() != null && row.priority() != f.priority()) {
            return false;
        }
        if (f.unassigned() && !row.assignee().isEmpty()) {
            return false;
        }
        if (f.assignee() != null && !f.assignee().isEmpty() && !row.assignee().equals(f.assignee())) {
            return false;
        }
        if (f.molType() != null && !f.molType().isEmpty() && !row.molType().equals(f.molType())) {
            return false;
        }
        if (!f.labelsAll().isEmpty() || !f.labelsAny().isEmpty()) {
            List<String> labels = row.labels();
            if (!labels.containsAll(f.labelsAll())) {
                return false;
            }
            if (!f.labelsAny().isEmpty() && f.labelsAny().stream().noneMatch(labels::contains)) {
                return false;
            }
        }
        if (scope != null && !scope.contains(row.id())) {
            return false;
        }
        if (view.isBlocked(row)) {
            return false;
        }
        return external == null || !external.configured() || externalBlockersSatisfied(row.summary(), external);
    }

    private static boolean externalBlockersSatisfied(IssueSummary s, ExternalCapabilities external) {
        for (Edge e : s.edges()) {
            if (e.type().equals(DependencyType.BLOCKS) && e.target().startsWith("external:")
                    && !external.satisfied(e.target())) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<Candidate> order(SortPolicy sort, long nowMicros) {
        Comparator<Candidate> oldest = Comparator.comparingLong(Candidate::created);
        Comparator<Candidate> byPriority = Comparator.comparingInt(Candidate::priority).thenComparing(oldest);
        Comparator<Candidate> policy = switch (sort) {
            case PRIORITY -> byPriority;
            case OLDEST -> oldest;
            case HYBRID -> {
                long cutoff = nowMicros - HYBRID_WINDOW_MICROS;
                Comparator<Candidate> recentFirst = Comparator.comparingInt(c -> c.created() >= cutoff ? 0 : 1);
                yield recentFirst.thenComparing((a, b) -> a.created() >= cutoff
                        ? byPriority.compare(a, b) : oldest.compare(a, b));
            }
        };
        return policy.thenComparing(Candidate::id);
    }
}
