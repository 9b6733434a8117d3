package dev.gastown.beads.store;

/** A store that cannot be used as it is: damaged files, a missing store, an impossible request. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
