package dev.gastown.beads.model;

import java.util.List;
import java.util.Objects;

/**
 * An issue status. The built-in values are constants; a store may also configure custom statuses, which never
 * block other issues, so any non-empty name is representable.
 */
public record Status(String name) {
    public static final Status OPEN = new Status("open");
    public static final Status IN_PROGRESS = new Status("in_progress");
    public static final Status BLOCKED = new Status("blocked");
    public static final Status DEFERRED = new Status("deferred");
    public static final Status CLOSED = new Status("closed");
    public static final Status TOMBSTONE = new Status("tombstone");
    public static final Status PINNED = new Status("pinned");
    public static final Status HOOKED = new Status("hooked");

    public static final List<Status> BUILT_IN =
            List.of(OPEN, IN_PROGRESS, BLOCKED, DEFERRED, CLOSED, TOMBSTONE, PINNED, HOOKED);

    public Status {
        Objects.requireNonNull(name, "name");
    }

    public static Status of(String name) {
        for (Status s : BUILT_IN) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return new Status(name);
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /** Closed or tombstone: done, and out of every work query. */
    public boolean isTerminal() {
        return equals(CLOSED) || equals(TOMBSTONE);
    }

    /** A blocker in this status holds up issues that depend on it through {@code blocks}. */
    public boolean blocksDependents() {
        return equals(OPEN) || equals(IN_PROGRESS) || equals(BLOCKED) || equals(DEFERRED) || equals(HOOKED);
    }

    // Written out: a record's generated equals/hashCode bootstrap through invokedynamic on first use, which costs a
    // cold gt/bd process milliseconds that class-data sharing cannot save.
    @Override
    public boolean equals(Object o) {
        return o instanceof Status other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
