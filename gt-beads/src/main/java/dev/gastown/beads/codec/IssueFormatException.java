package dev.gastown.beads.codec;

/** A JSON document that is well-formed but is not a valid issue (or embedded record). Names the offending field. */
public class IssueFormatException extends RuntimeException {
    public IssueFormatException(String message) {
        super(message);
    }
}
