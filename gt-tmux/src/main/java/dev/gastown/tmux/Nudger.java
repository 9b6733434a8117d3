package dev.gastown.tmux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Typing a message into an agent's session safely. Callers for one session take turns (a lock shared by all
 * processes); the text is cleaned of control characters and pasted as one piece into the agent's own pane (so
 * quotes, {@code $(...)}, {@code ;} and newlines arrive as text); the submit is verified by watching the screen
 * change and retried; when the agent is busy the message waits in the session's queue for its next turn, behind any
 * message already waiting, so each sender's messages keep their order.
 */
public final class Nudger {
    /** When to deliver. */
    public enum Mode {
        /** Now if the agent is idle (or becomes idle within the wait), else queued. */
        WAIT_IDLE,
        /** Always queued for the agent's next turn. */
        QUEUE,
        /** Now, even mid-turn (for stuck agents and health checks). */
        IMMEDIATE
    }

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;
    private static final int SUBMIT_ATTEMPTS = 3;

    private final Sessions sessions;
    private final Path queueRoot;

    /** @param queueRoot where per-session queues and locks live (one directory per session) */
    public Nudger(Sessions sessions, Path queueRoot) {
        this.sessions = sessions;
        this.queueRoot = queueRoot;
    }

    public NudgeQueue queue(String session) {
        return new NudgeQueue(queueRoot.resolve(session));
    }

    public NudgeOutcome nudge(String session, AgentPreset preset, String message, Mode mode, Duration idleWait) {
        String text = NudgeText.clean(message);
        if (text.isBlank()) {
            return new NudgeOutcome.Failed("the message is empty once control characters are removed");
        }
        if (!sessions.exists(session)) {
            return new NudgeOutcome.Failed("no session " + session);
        }
        NudgeQueue queue = queue(session);
        if (mode == Mode.QUEUE) {
            return new NudgeOutcome.Queued(queue.add(text).toString());
        }
        Optional<DirLock> lock = DirLock.acquire(lockFile(session), LOCK_TIMEOUT);
        if (lock.isEmpty()) {
            return mode == Mode.IMMEDIATE
                    ? new NudgeOutcome.Failed("another sender held " + session + " for " + LOCK_TIMEOUT.toSeconds()
                            + "s")
                    : new NudgeOutcome.Queued(queue.add(text).toString());
        }
        try (DirLock held = lock.get()) {
            Optional<Pane> pane = livePane(session);
            if (pane.isEmpty()) {
                return new NudgeOutcome.Failed("the agent in " + session + " is not running");
            }
            if (mode == Mode.IMMEDIATE) {
                return deliver(pane.get(), text);
            }
            if (!queue.isEmpty() || !waitIdle(pane.get(), preset, idleWait)) {
                return new NudgeOutcome.Queued(queue.add(text).toString());
            }
            return deliver(pane.get(), text);
        }
    }

    /**
     * Delivers queued messages, one turn each, as the agent becomes idle, until the queue is empty or {@code watch}
     * runs out. Returns how many were delivered.
     */
    public int deliverQueued(String session, AgentPreset preset, Duration watch) {
        long deadline = System.nanoTime() + watch.toNanos();
        int delivered = 0;
        NudgeQueue queue = queue(session);
        while (!queue.isEmpty() && System.nanoTime() < deadline) {
            Optional<DirLock> lock = DirLock.acquire(lockFile(session), Duration.ofNanos(Math.max(0,
                    deadline - System.nanoTime())));
            if (lock.isEmpty()) {
                break;
            }
            try (DirLock held = lock.get()) {
                Optional<Pane> pane = livePane(session);
                if (pane.isEmpty()) {
                    break;
                }
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                if (!waitIdle(pane.get(), preset, left)) {
                    break;
                }
                for (var m = queue.claimOldest(); m.isPresent(); m = queue.claimOldest()) {
                    boolean ready = delivered == 0 || waitIdle(pane.get(), preset, Duration.ofNanos(Math.max(0,
                            deadline - System.nanoTime())));
                    if (ready && deliver(pane.get(), m.get().text()) instanceof NudgeOutcome.Delivered) {
                        m.get().done();
                        delivered++;
                    } else {
                        m.get().release();
                        return delivered;
                    }
                }
            }
        }
        return delivered;
    }

    /** Pastes the text and presses Enter until the screen shows the submit took effect. */
    NudgeOutcome deliver(Pane pane, String text) {
        if (pane.inMode()) {
            sessions.tmux().tryRun("send-keys", "-t", pane.id(), "-X", "cancel");
        }
        sessions.paste(pane.id(), text);
        Pause.millis(Math.min(1000, 150 + 20L * (text.length() / 1024)));
        String beforeSubmit = sessions.capture(pane.id(), 30);
        for (int attempt = 1; attempt <= SUBMIT_ATTEMPTS; attempt++) {
            submit(pane.id());
            for (long wait : new long[] {150, 300, 600, 1000}) {
                Pause.millis(wait);
                if (!sessions.capture(pane.id(), 30).equals(beforeSubmit)) {
                    return new NudgeOutcome.Delivered(attempt);
                }
            }
        }
        // clear the stranded text so a retry does not append to it
        sessions.tmux().tryRun("send-keys", "-t", pane.id(), "C-u");
        return new NudgeOutcome.Failed("the text was typed but the submit did not take effect after "
                + SUBMIT_ATTEMPTS + " tries; the input line of " + pane.id() + " was cleared");
    }

    private void submit(String paneId) {
        if (Tmux.version().submitWithLiteralCarriageReturn()) {
            sessions.literal(paneId, "\r");
        } else {
            sessions.keys(paneId, "Enter");
        }
    }

    /** Idle on two polls in a row (agents flash their prompt between tool calls), within {@code wait}. */
    private boolean waitIdle(Pane pane, AgentPreset preset, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int streak = 0;
        while (true) {
            streak = Screen.idle(sessions.capture(pane.id(), 30), preset) ? streak + 1 : 0;
            if (streak >= 2) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.millis(POLL_MILLIS);
        }
    }

    private Optional<Pane> livePane(String session) {
        return sessions.pane(session).filter(p -> !p.dead());
    }

    private Path lockFile(String session) {
        return queueRoot.resolve(session).resolve(".lock");
    }
}
