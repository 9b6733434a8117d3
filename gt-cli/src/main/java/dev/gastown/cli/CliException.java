package dev.gastown.cli;

/** A failure a command reports with a message and a chosen exit code (not a bug). */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(message, ExitCodes.FAILURE);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
