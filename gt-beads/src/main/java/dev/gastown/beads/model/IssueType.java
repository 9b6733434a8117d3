package dev.gastown.beads.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An issue type. Types outside the built-in list are kept as read, so a newer writer's types survive. */
public record IssueType(String name) {
    public static final IssueType BUG = new IssueType("bug");
    public static final IssueType FEATURE = new IssueType("feature");
    public static final IssueType TASK = new IssueType("task");
    public static final IssueType EPIC = new IssueType("epic");
    public static final IssueType CHORE = new IssueType("chore");
    public static final IssueType MESSAGE = new IssueType("message");
    public static final IssueType MERGE_REQUEST = new IssueType("merge-request");
    public static final IssueType MOLECULE = new IssueType("molecule");
    public static final IssueType GATE = new IssueType("gate");
    public static final IssueType AGENT = new IssueType("agent");
    public static final IssueType ROLE = new IssueType("role");
    public static final IssueType CONVOY = new IssueType("convoy");
    public static final IssueType EVENT = new IssueType("event");
    public static final IssueType SLOT = new IssueType("slot");

    public static final List<IssueType> BUILT_IN = List.of(BUG, FEATURE, TASK, EPIC, CHORE, MESSAGE, MERGE_REQUEST,
            MOLECULE, GATE, AGENT, ROLE, CONVOY, EVENT, SLOT);

    private static final Map<String, IssueType> ALIASES = Map.of("mr", MERGE_REQUEST, "feat", FEATURE, "mol", MOLECULE);

    /** Types that are plumbing rather than work: never offered by {@code bd ready} unless asked for by type. */
    public static final List<IssueType> NOT_WORK = List.of(MERGE_REQUEST, GATE, MOLECULE, MESSAGE, AGENT);

    public IssueType {
        Objects.requireNonNull(name, "name");
    }

    public static IssueType of(String name) {
        for (IssueType t : BUILT_IN) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return new IssueType(name);
    }

    /** Resolves a user-supplied type (aliases included); empty when it is not a known type. */
    public static Optional<IssueType> parseUserInput(String input) {
        String key = input.trim().toLowerCase(java.util.Locale.ROOT);
        IssueType alias = ALIASES.get(key);
        if (alias != null) {
            return Optional.of(alias);
        }
        return BUILT_IN.stream().filter(t -> t.name.equals(key)).findFirst();
    }

    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    // Written out: a record's generated equals/hashCode bootstrap through invokedynamic on first use, which costs a
    // cold gt/bd process milliseconds that class-data sharing cannot save.
    @Override
    public boolean equals(Object o) {
        return o instanceof IssueType other && name.equals(other.name);
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
