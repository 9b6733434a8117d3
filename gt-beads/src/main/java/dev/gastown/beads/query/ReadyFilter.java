package dev.gastown.beads.query;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.util.List;

/**
 * Options of {@code bd ready}. Null or empty means "no filter". {@code parent} restricts to the descendants of an
 * issue (a molecule or epic). {@code limit} 0 means no limit.
 */
public record ReadyFilter(
        Status status,
        IssueType type,
        String assignee,
        boolean unassigned,
        Integer priority,
        List<String> labelsAll,
        List<String> labelsAny,
        String parent,
        String molType,
        boolean includeDeferred,
        SortPolicy sort,
        int limit) {

    public static final int DEFAULT_LIMIT = 10;

    public ReadyFilter {
        labelsAll = labelsAll == null ? List.of() : List.copyOf(labelsAll);
        labelsAny = labelsAny == null ? List.of() : List.copyOf(labelsAny);
        sort = sort == null ? SortPolicy.HYBRID : sort;
    }

    public static ReadyFilter defaults() {
        return new ReadyFilter(null, null, null, false, null, List.of(), List.of(), null, null, false,
                SortPolicy.HYBRID, DEFAULT_LIMIT);
    }

    public ReadyFilter withParent(String p) {
        return new ReadyFilter(status, type, assignee, unassigned, priority, labelsAll, labelsAny, p, molType,
                includeDeferred, sort, limit);
    }

    public ReadyFilter withLimit(int n) {
        return new ReadyFilter(status, type, assignee, unassigned, priority, labelsAll, labelsAny, parent, molType,
                includeDeferred, sort, n);
    }
}
