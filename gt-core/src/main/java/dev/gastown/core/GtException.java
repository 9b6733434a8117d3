package dev.gastown.core;

/**
 * A failure the user can act on: bad input, a missing town or rig, a refused operation. The message names the
 * thing and the place; the CLI prints it and exits non-zero. Nothing is half-done when one is thrown.
 */
public class GtException extends RuntimeException {
    public GtException(String message) {
        super(message);
    }

    public GtException(String message, Throwable cause) {
        super(message, cause);
    }
}
