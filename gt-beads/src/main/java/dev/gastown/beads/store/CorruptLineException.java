package dev.gastown.beads.store;

import java.nio.file.Path;

/** A line of a JSONL file that cannot be read. Names the file and the 1-based line number. */
public class CorruptLineException extends StoreException {
    private final Path file;
    private final int line;

    public CorruptLineException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
