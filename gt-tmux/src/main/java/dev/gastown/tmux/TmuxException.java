package dev.gastown.tmux;

/** A tmux command that failed, classified the way callers need to react to it. */
public final class TmuxException extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** No server is running on the town's socket (so no session exists either). */
        NO_SERVER,
        SESSION_EXISTS,
        SESSION_NOT_FOUND,
        /** The agent's process exited as soon as it was started. */
        AGENT_DIED,
        TIMEOUT,
        FAILED
    }

    private final Kind kind;

    public TmuxException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static Kind classify(String stderr) {
        String s = stderr.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("no server running") || s.contains("error connecting to") || s.contains("no current target")
                || s.contains("server exited unexpectedly")) {
            return Kind.NO_SERVER;
        }
        if (s.contains("duplicate session")) {
            return Kind.SESSION_EXISTS;
        }
        if (s.contains("session not found") || s.contains("can't find session") || s.contains("can't find pane")
                || s.contains("can't find window")) {
            return Kind.SESSION_NOT_FOUND;
        }
        return Kind.FAILED;
    }
}
