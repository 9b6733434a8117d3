package dev.gastown.tmux;

/** How a nudge ended. */
public sealed interface NudgeOutcome {
    /**
     * Typed into the agent's input and the submit was seen to take effect.
     *
     * @param fromQueue messages that were waiting in the queue and were typed first, oldest first
     */
    record Delivered(int submitAttempts, int fromQueue) implements NudgeOutcome {
    }

    /**
     * The agent was busy: the message waits in its queue for its next turn.
     *
     * @param fromQueue messages that were waiting and were typed before the agent became busy again
     */
    record Queued(String file, int fromQueue) implements NudgeOutcome {
    }

    /** Not delivered and not queued; the reason says why. */
    record Failed(String reason) implements NudgeOutcome {
    }
}
