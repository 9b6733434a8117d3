package dev.gastown.cli;

/** Process exit codes shared by {@code gt} and {@code bd}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and failed: unknown id, refused input, damaged store, a failed git step. */
    public static final int FAILURE = 1;
    /** The command line itself was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** A bug: an exception nobody expected. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
