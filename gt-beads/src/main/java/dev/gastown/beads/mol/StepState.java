package dev.gastown.beads.mol;

/** Where a molecule step stands. */
public enum StepState {
    /** Closed. */
    DONE,
    /** In progress (claimed). */
    CURRENT,
    /** Status blocked. */
    BLOCKED,
    /** Open and nothing holds it up: it can be claimed now. Wisp steps count too. */
    READY,
    /** Open but waiting for earlier steps. */
    PENDING
}
