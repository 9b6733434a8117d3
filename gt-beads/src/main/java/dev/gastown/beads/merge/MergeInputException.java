package dev.gastown.beads.merge;

import java.util.Locale;

/** An input of the merge that cannot be read. Names the input and the 1-based line number. */
public class MergeInputException extends RuntimeException {
    /** The three versions a three-way merge reads. */
    public enum Input {
        BASE, LEFT, RIGHT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Input input;
    private final int line;

    public MergeInputException(Input input, int line, String problem) {
        super(input.label() + ":" + line + ": " + problem);
        this.input = input;
        this.line = line;
    }

    public Input input() {
        return input;
    }

    public int line() {
        return line;
    }
}
