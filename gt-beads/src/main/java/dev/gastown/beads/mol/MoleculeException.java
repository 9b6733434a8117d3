package dev.gastown.beads.mol;

import dev.gastown.beads.store.StoreException;

/** A molecule operation that cannot be done as asked, or whose result did not check out. */
public class MoleculeException extends StoreException {
    public MoleculeException(String message) {
        super(message);
    }
}
