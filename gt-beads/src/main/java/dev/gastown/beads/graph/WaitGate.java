package dev.gastown.beads.graph;

/** How a {@code waits-for} edge waits on the spawner's children. */
public enum WaitGate {
    /** Not a waits-for edge. */
    NONE,
    /** Blocked while any child of the spawner is not closed (the default). */
    ALL_CHILDREN,
    /** Blocked until at least one child of the spawner is closed. */
    ANY_CHILDREN
}
