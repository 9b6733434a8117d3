package dev.gastown.beads.ops;

import dev.gastown.beads.store.StoreException;

/** A request the store refuses: empty title, bad priority or status, a dependency cycle, an id in use. */
public class InvalidInputException extends StoreException {
    public InvalidInputException(String message) {
        super(message);
    }
}
