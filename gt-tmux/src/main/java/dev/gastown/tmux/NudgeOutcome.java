package dev.gastown.tmux;

/** How a nudge ended. */
public sealed interface NudgeOutcome {
    /** Typed into the agent's input and the submit was seen to take effect. */
    record Delivered(int submitAttempts) implements NudgeOutcome {
    }

    /** The agent was busy: the message waits in its queue for its next turn. */
    record Queued(String file) implements NudgeOutcome {
    }

    /** Not delivered and not queued; the reason says why. */
    record Failed(String reason) implements NudgeOutcome {
    }
}
