package dev.gastown.beads.query;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.util.List;

/**
 * Options of {@code bd list}. With no statuses given, closed and deleted issues are left out unless {@code all};
 * templates and gates are left out unless asked for. {@code parent} lists direct children. {@code limit} 0 means
 * no limit.
 */
public record ListFilter(
        List<Status> statuses,
        boolean all,
        IssueType type,
        String assignee,
        List<String> labelsAll,
        List<String> labelsAny,
        String parent,
        Integer priorityMin,
        Integer priorityMax,
        boolean pinnedOnly,
        boolean includeTemplates,
        boolean includeGates,
        String molType,
        ListSort sort,
        boolean reverse,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;

    public ListFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        labelsAll = labelsAll == null ? List.of() : List.copyOf(labelsAll);
        labelsAny = labelsAny == null ? List.of() : List.copyOf(labelsAny);
        sort = sort == null ? ListSort.PRIORITY : sort;
    }

    public static ListFilter defaults() {
        return new ListFilter(List.of(), false, null, null, List.of(), List.of(), null, null, null, false, false,
                false, null, ListSort.PRIORITY, false, DEFAULT_LIMIT);
    }

    /** Sort keys; the default is priority ascending, then newest first. */
    public enum ListSort {
        PRIORITY, CREATED, UPDATED, ID, STATUS, TYPE;

        public static ListSort parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new dev.gastown.beads.ops.InvalidInputException("invalid sort \"" + s
                        + "\" (use priority, created, updated, id, status or type)");
            }
        }
    }
}
