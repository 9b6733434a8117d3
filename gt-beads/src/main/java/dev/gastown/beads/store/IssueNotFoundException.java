package dev.gastown.beads.store;

/** No issue has the given id. */
public class IssueNotFoundException extends StoreException {
    private final String id;

    public IssueNotFoundException(String id) {
        super("no issue found: " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
