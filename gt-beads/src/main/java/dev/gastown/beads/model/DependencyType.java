package dev.gastown.beads.model;

import java.util.List;
import java.util.Objects;

/** A dependency edge type. Any non-empty name of at most 50 characters is valid, so custom types round-trip. */
public record DependencyType(String name) {
    public static final DependencyType BLOCKS = new DependencyType("blocks");
    public static final DependencyType PARENT_CHILD = new DependencyType("parent-child");
    public static final DependencyType CONDITIONAL_BLOCKS = new DependencyType("conditional-blocks");
    public static final DependencyType WAITS_FOR = new DependencyType("waits-for");
    public static final DependencyType RELATED = new DependencyType("related");
    public static final DependencyType DISCOVERED_FROM = new DependencyType("discovered-from");
    public static final DependencyType REPLIES_TO = new DependencyType("replies-to");
    public static final DependencyType RELATES_TO = new DependencyType("relates-to");
    public static final DependencyType DUPLICATES = new DependencyType("duplicates");
    public static final DependencyType SUPERSEDES = new DependencyType("supersedes");
    public static final DependencyType AUTHORED_BY = new DependencyType("authored-by");
    public static final DependencyType ASSIGNED_TO = new DependencyType("assigned-to");
    public static final DependencyType APPROVED_BY = new DependencyType("approved-by");
    public static final DependencyType TRACKS = new DependencyType("tracks");
    public static final DependencyType UNTIL = new DependencyType("until");
    public static final DependencyType CAUSED_BY = new DependencyType("caused-by");
    public static final DependencyType VALIDATES = new DependencyType("validates");

    public static final List<DependencyType> WELL_KNOWN = List.of(BLOCKS, PARENT_CHILD, CONDITIONAL_BLOCKS, WAITS_FOR,
            RELATED, DISCOVERED_FROM, REPLIES_TO, RELATES_TO, DUPLICATES, SUPERSEDES, AUTHORED_BY, ASSIGNED_TO,
            APPROVED_BY, TRACKS, UNTIL, CAUSED_BY, VALIDATES);

    public static final int MAX_LENGTH = 50;

    public DependencyType {
        Objects.requireNonNull(name, "name");
    }

    public static DependencyType of(String name) {
        for (DependencyType t : WELL_KNOWN) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return new DependencyType(name);
    }

    /** Valid as user input: non-empty and at most 50 characters. */
    public static boolean isValidName(String name) {
        return !name.isBlank() && name.length() <= MAX_LENGTH;
    }

    /** Edge types that hold up ready work. The rest only associate issues. */
    public boolean affectsReadyWork() {
        return equals(BLOCKS) || equals(PARENT_CHILD) || equals(CONDITIONAL_BLOCKS) || equals(WAITS_FOR);
    }

    // Written out: a record's generated equals/hashCode bootstrap through invokedynamic on first use, which costs a
    // cold gt/bd process milliseconds that class-data sharing cannot save.
    @Override
    public boolean equals(Object o) {
        return o instanceof DependencyType other && name.equals(other.name);
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
