package dev.gastown.beads.sync;

import dev.gastown.beads.store.StoreException;

/** A sync step that could not be completed; the message says what state the repository is left in. */
public class SyncException extends StoreException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
