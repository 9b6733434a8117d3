package dev.gastown.beads.json;

/** Malformed JSON, or a value of the wrong shape. The message says where and what. */
public class JsonException extends RuntimeException {
    private final int column;

    public JsonException(String message) {
        this(message, -1);
    }

    public JsonException(String message, int column) {
        super(column >= 0 ? "column " + column + ": " + message : message);
        this.column = column;
    }

    /** 1-based column of the problem in the parsed text, or -1 when the error is not about syntax. */
    public int column() {
        return column;
    }
}
