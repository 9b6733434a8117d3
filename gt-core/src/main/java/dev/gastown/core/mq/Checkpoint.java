package dev.gastown.core.mq;

/**
 * Called as the merge engine passes each stage of a merge. Production passes {@link #NONE}; tests stop the engine
 * at a stage (throwing, as a crash would) or move the remote under it, to prove a re-run neither loses work nor
 * merges twice.
 */
@FunctionalInterface
public interface Checkpoint {
    Checkpoint NONE = (stage, mr) -> { };

    /** The stages, in the order a merge passes them. */
    enum Stage {
        /** The rebase stopped on a conflict; it has not been aborted yet. */
        REBASE_STOPPED,
        /** The branch is rebased onto the target on the scratch branch. */
        REBASED,
        /** The test command passed. */
        TESTED,
        /** The merge commit is recorded on the request, before anything is pushed. */
        INTENT_RECORDED,
        /** The target was pushed and origin checked. */
        PUSHED,
        /** The source issue is closed. */
        ISSUE_CLOSED,
        /** The request carries its outcome (a merged request is closed) and its follow-up is pending. */
        RECORDED,
        /** A merged request's convoy had its chance to land. */
        LANDED,
        /** The outcome's mail is sent. */
        MAILED,
        /** A merged branch was deleted from origin (if the rig does that). */
        BRANCH_DELETED
    }

    void reached(Stage stage, String mrId);
}
