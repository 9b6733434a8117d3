package dev.gastown.tmux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Typing a message into an agent's session safely. Callers for one session take turns (a lock shared by all
 * processes); the text is cleaned of control characters and pasted as one piece into the agent's own pane (so
 * quotes, {@code $(...)}, {@code ;} and newlines arrive as text); the submit is verified by watching the screen
 * change and retried. Messages reach the agent in the order they were sent: when the agent is idle, whatever waits
 * in its queue is typed first, oldest first, then the new message; when it is busy, the message joins the queue
 * for its next turn (the agent takes its queue itself at the turn's end, {@code gt nudge drain}).
 */
public final class Nudger {
    /** When to deliver. */
    public enum Mode {
        /** Now if the agent is idle (or becomes idle within the wait), after what is queued; else queued. */
        WAIT_IDLE,
        /** Always queued for the agent's next turn. */
        QUEUE,
        /** Now, even mid-turn and ahead of the queue (for stuck agents and health checks). */
        IMMEDIATE
    }

    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;
    private static final int SCREEN_LINES = 30;
    private static final int SUBMIT_ATTEMPTS = 3;

    /** How a turn at the queue ended. */
    private enum QueueEnd {
        /** The queue is empty and the agent is idle: a new message may be typed now. */
        EMPTY,
        /** The agent was not idle by the deadline; what is left stays queued. */
        BUSY,
        /** A queued message could not be submitted; it is back in the queue. */
        FAILED
    }

    private record QueueTurn(int delivered, QueueEnd end) {
    }

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
            return new NudgeOutcome.Queued(queue.add(text).toString(), 0);
        }
        Optional<DirLock> lock = DirLock.acquire(lockFile(session), LOCK_TIMEOUT);
        if (lock.isEmpty()) {
            return mode == Mode.IMMEDIATE
                    ? new NudgeOutcome.Failed("another sender held " + session + " for " + LOCK_TIMEOUT.toSeconds()
                            + "s")
                    : new NudgeOutcome.Queued(queue.add(text).toString(), 0);
        }
        try (DirLock held = lock.get()) {
            Optional<Pane> pane = livePane(session);
            if (pane.isEmpty()) {
                return new NudgeOutcome.Failed("the agent in " + session + " is not running");
            }
            if (mode == Mode.IMMEDIATE) {
                return deliver(pane.get(), text, 0);
            }
            QueueTurn turn = deliverWhileIdle(pane.get(), preset, queue, deadline(idleWait));
            if (turn.end() != QueueEnd.EMPTY) {
                return new NudgeOutcome.Queued(queue.add(text).toString(), turn.delivered());
            }
            return deliver(pane.get(), text, turn.delivered());
        }
    }

    /**
     * Delivers the queue to the agent as it becomes idle, one message per idle moment, until the queue is empty or
     * {@code watch} runs out. The agent is watched without holding the session's lock, so other senders are not held
     * up while it works. Returns how many messages this call typed (the agent may take others itself).
     */
    public int deliverQueued(String session, AgentPreset preset, Duration watch) {
        long deadline = deadline(watch);
        NudgeQueue queue = queue(session);
        int delivered = 0;
        while (!queue.isEmpty()) {
            Optional<Pane> pane = livePane(session);
            if (pane.isEmpty() || !waitIdle(pane.get(), preset, deadline)) {
                break;
            }
            Optional<DirLock> lock = DirLock.acquire(lockFile(session), remaining(deadline));
            if (lock.isEmpty()) {
                break;
            }
            try (DirLock held = lock.get()) {
                // idle is checked again under the lock: another sender may have typed in the meantime
                QueueTurn turn = deliverWhileIdle(pane.get(), preset, queue, System.nanoTime());
                delivered += turn.delivered();
                if (turn.end() == QueueEnd.FAILED) {
                    break;
                }
            }
        }
        return delivered;
    }

    /**
     * With the session's lock held: while the agent is idle (waiting for it until {@code deadline}), types the
     * oldest queued message. Each message is claimed only once the agent is seen idle, just before it is typed: an
     * agent that is idle is not draining its own queue, so nothing queued after it can reach the agent first.
     */
    private QueueTurn deliverWhileIdle(Pane pane, AgentPreset preset, NudgeQueue queue, long deadline) {
        int delivered = 0;
        while (waitIdle(pane, preset, deadline)) {
            Optional<NudgeQueue.Claimed> next = queue.claimOldest();
            if (next.isEmpty()) {
                return new QueueTurn(delivered, QueueEnd.EMPTY);
            }
            if (!(deliver(pane, next.get().text(), 0) instanceof NudgeOutcome.Delivered)) {
                next.get().release();
                return new QueueTurn(delivered, QueueEnd.FAILED);
            }
            next.get().done();
            delivered++;
        }
        return new QueueTurn(delivered, QueueEnd.BUSY);
    }

    /** Pastes the text and presses Enter until the screen shows the submit took effect. */
    private NudgeOutcome deliver(Pane pane, String text, int fromQueue) {
        if (pane.inMode()) {
            sessions.tmux().tryRun("send-keys", "-t", pane.id(), "-X", "cancel");
        }
        sessions.paste(pane.id(), text);
        Pause.millis(Math.min(1000, 150 + 20L * (text.length() / 1024)));
        String beforeSubmit = sessions.capture(pane.id(), SCREEN_LINES);
        for (int attempt = 1; attempt <= SUBMIT_ATTEMPTS; attempt++) {
            submit(pane.id());
            for (long wait : new long[] {150, 300, 600, 1000}) {
                Pause.millis(wait);
                if (!sessions.capture(pane.id(), SCREEN_LINES).equals(beforeSubmit)) {
                    return new NudgeOutcome.Delivered(attempt, fromQueue);
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

    /**
     * Idle ({@link Screen#idle}) on two looks in a row, 200 ms apart (agents flash their prompt between tool
     * calls), by {@code deadline}. It always looks at least twice, so a deadline already past asks "idle right now?".
     */
    private boolean waitIdle(Pane pane, AgentPreset preset, long deadline) {
        int streak = 0;
        for (int look = 1; ; look++) {
            boolean idle = Screen.idle(sessions.capture(pane.id(), SCREEN_LINES), sessions.quiet(pane.id()), preset);
            streak = idle ? streak + 1 : 0;
            if (streak >= 2) {
                return true;
            }
            if (look >= 2 && System.nanoTime() - deadline > 0) {
                return false;
            }
            Pause.millis(POLL_MILLIS);
        }
    }

    private static long deadline(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private Optional<Pane> livePane(String session) {
        return sessions.pane(session).filter(p -> !p.dead());
    }

    private Path lockFile(String session) {
        return queueRoot.resolve(session).resolve(".lock");
    }
}
