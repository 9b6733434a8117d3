package dev.gastown.beads.ops;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;

/** The invariants a written issue must hold (those of the original's validator). */
final class Validation {
    static final int MAX_TITLE = 500;
    static final java.util.List<String> AGENT_STATES =
            java.util.List.of("idle", "spawning", "running", "working", "stuck", "done", "stopped", "dead");

    private Validation() {
    }

    static String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidInputException("title is required and cannot be empty");
        }
        if (t.length() > MAX_TITLE) {
            throw new InvalidInputException("title is " + t.length() + " characters; the limit is " + MAX_TITLE);
        }
        return t;
    }

    static DependencyType dependencyType(String name) {
        String n = name.trim();
        if (!DependencyType.isValidName(n)) {
            throw new InvalidInputException("invalid dependency type \"" + name + "\" (1-50 characters)");
        }
        return DependencyType.of(n);
    }

    static String agentState(String state) {
        String s = state.trim().toLowerCase(java.util.Locale.ROOT);
        if (!AGENT_STATES.contains(s)) {
            throw new InvalidInputException("invalid agent state \"" + state + "\" (valid: "
                    + String.join(", ", AGENT_STATES) + ")");
        }
        return s;
    }

    /** Checks an issue about to be written; a closed issue must have closed_at and only a closed one may. */
    static Issue check(Issue i) {
        title(i.title());
        Priorities.check(i.priority());
        if (i.estimatedMinutes() != null && i.estimatedMinutes() < 0) {
            throw new InvalidInputException("estimate cannot be negative");
        }
        boolean closed = i.status().equals(Status.CLOSED);
        if (closed && i.closedAt() == null) {
            throw new IllegalStateException("closed issue " + i.id() + " without closed_at");
        }
        if (!closed && !i.status().equals(Status.TOMBSTONE) && i.closedAt() != null) {
            throw new IllegalStateException("issue " + i.id() + " has closed_at but status " + i.status());
        }
        return i;
    }
}
