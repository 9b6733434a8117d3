package dev.gastown.beads.query;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.IdOrder;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@code bd list}: filtered, sorted summaries. */
public final class ListQuery {
    private ListQuery() {
    }

    public static List<IssueSummary> list(StoreView view, ListFilter f) {
        Set<String> children = f.parent() == null ? null : new HashSet<>(view.children(f.parent()));
        boolean activeOnly = f.statuses().isEmpty() && !f.all();
        List<IssueSummary> out = new ArrayList<>();
        Consumer<IssueRow> visit = row -> {
            if (matches(row, f, children)) {
                out.add(row.summary());
            }
        };
        if (activeOnly) {
            view.forEachActive(visit);
        } else {
            view.forEachIssue(visit);
        }
        out.sort(order(f));
        return f.limit() > 0 && out.size() > f.limit() ? out.subList(0, f.limit()) : out;
    }

    private static boolean matches(IssueRow row, ListFilter f, Set<String> children) {
        Status s = row.status();
        if (!f.statuses().isEmpty()) {
            if (!f.statuses().contains(s)) {
                return false;
            }
        } else if (s.equals(Status.TOMBSTONE) || !f.all() && s.equals(Status.CLOSED)) {
            return false;
        }
        if (f.type() != null ? !row.type().equals(f.type())
                : !f.includeGates() && row.type().equals(IssueType.GATE)) {
            return false;
        }
        if (row.template() && !f.includeTemplates()) {
            return false;
        }
        if (f.pinnedOnly() && !(row.pinned() || s.equals(Status.PINNED))) {
            return false;
        }
        if (f.assignee() != null && !f.assignee().isEmpty() && !row.assignee().equals(f.assignee())) {
            return false;
        }
        if (f.priorityMin() != null && row.priority() < f.priorityMin()
                || f.priorityMax() != null && row.priority() > f.priorityMax()) {
            return false;
        }
        if (f.molType() != null && !f.molType().isEmpty() && !row.molType().equals(f.molType())) {
            return false;
        }
        if (!f.labelsAll().isEmpty() || !f.labelsAny().isEmpty()) {
            List<String> labels = row.labels();
            if (!labels.containsAll(f.labelsAll())
                    || !f.labelsAny().isEmpty() && f.labelsAny().stream().noneMatch(labels::contains)) {
                return false;
            }
        }
        return children == null || children.contains(row.id());
    }

    private static Comparator<IssueSummary> order(ListFilter f) {
        Comparator<IssueSummary> newestFirst = Comparator.comparingLong(IssueSummary::createdMicros).reversed();
        Comparator<IssueSummary> c = switch (f.sort()) {
            case PRIORITY -> Comparator.comparingInt(IssueSummary::priority).thenComparing(newestFirst);
            case CREATED -> newestFirst;
            case UPDATED -> Comparator.comparingLong(IssueSummary::updatedMicros).reversed();
            case ID -> (a, b) -> IdOrder.compare(a.id(), b.id());
            case STATUS -> Comparator.comparing((IssueSummary s) -> s.status().name());
            case TYPE -> Comparator.comparing((IssueSummary s) -> s.type().name());
        };
        c = c.thenComparing(IssueSummary::id, IdOrder.COMPARATOR);
        return f.reverse() ? c.reversed() : c;
    }
}
