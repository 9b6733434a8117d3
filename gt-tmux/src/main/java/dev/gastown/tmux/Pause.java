package dev.gastown.tmux;

/** Sleeping while polling a screen or a process, keeping the thread's interrupt. */
public final class Pause {
    private Pause() {
    }

    public static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
