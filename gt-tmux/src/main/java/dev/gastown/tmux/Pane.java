package dev.gastown.tmux;

/**
 * What tmux reports about a session's agent pane.
 *
 * @param id the pane id ({@code %N}), stable for the pane's life, used as every later target
 * @param pid the pane's first process (the agent, started with exec)
 * @param dead whether the process has exited (visible because remain-on-exit is on)
 * @param deadStatus its exit status when dead; -1 while tmux has not collected it yet (a pane can show as dead a
 *     moment before its status is known)
 * @param command {@code pane_current_command}
 * @param attached whether a client is attached to the session
 * @param inMode whether the pane is in copy mode or another mode that swallows keys
 */
public record Pane(String id, long pid, boolean dead, int deadStatus, String command, boolean attached,
        boolean inMode, int width) {

    static final String FORMAT = "#{pane_id}\t#{pane_pid}\t#{pane_dead}\t#{pane_dead_status}\t"
            + "#{pane_current_command}\t#{session_attached}\t#{pane_in_mode}\t#{pane_width}";

    /** The exit status as text: the number, or {@code unknown} while tmux has not collected it. */
    public String deadStatusText() {
        return deadStatus < 0 ? "unknown" : Integer.toString(deadStatus);
    }

    static Pane parse(String line) {
        String[] f = line.split("\t", -1);
        return new Pane(f[0], parseLong(f[1]), f[2].equals("1"), f[3].isBlank() ? -1 : (int) parseLong(f[3]), f[4],
                !f[5].isEmpty() && !f[5].equals("0"), f[6].equals("1"), (int) parseLong(f[7]));
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
