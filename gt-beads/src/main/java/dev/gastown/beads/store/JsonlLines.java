package dev.gastown.beads.store;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.codec.IssueFormatException;
import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.model.Issue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads a JSONL file line by line with each line's byte offset, and turns a line into an issue or a named error. */
public final class JsonlLines {
    private static final int CHUNK = 1 << 20;

    /** Receives each line: 1-based number, byte offset, byte length (without the newline), and text. */
    public interface Visitor {
        void line(int number, long offset, int length, String text);
    }

    private JsonlLines() {
    }

    /** Visits every line of {@code file}; a missing file has none. */
    public static void forEach(Path file, Visitor visitor) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            byte[] carry = new byte[0];
            int carryLen = 0;
            long carryOffset = 0;
            long filePos = 0;
            int number = 0;
            while (true) {
                buf.clear();
                int k = ch.read(buf);
                if (k < 0) {
                    break;
                }
                byte[] a = buf.array();
                int start = 0;
                for (int i = 0; i < k; i++) {
                    if (a[i] != '\n') {
                        continue;
                    }
                    if (carryLen > 0) {
                        carry = ensure(carry, carryLen + i - start);
                        System.arraycopy(a, start, carry, carryLen, i - start);
                        int len = carryLen + i - start;
                        visitor.line(++number, carryOffset, len, new String(carry, 0, len, StandardCharsets.UTF_8));
                        carryLen = 0;
                    } else {
                        visitor.line(++number, filePos + start, i - start,
                                new String(a, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
                if (start < k) {
                    if (carryLen == 0) {
                        carryOffset = filePos + start;
                    }
                    carry = ensure(carry, carryLen + k - start);
                    System.arraycopy(a, start, carry, carryLen, k - start);
                    carryLen += k - start;
                }
                filePos += k;
            }
            if (carryLen > 0) {
                visitor.line(++number, carryOffset, carryLen, new String(carry, 0, carryLen, StandardCharsets.UTF_8));
            }
        } catch (NoSuchFileException e) {
            // no file, no lines
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] ensure(byte[] b, int n) {
        return n <= b.length ? b : Arrays.copyOf(b, Math.max(n, b.length * 2));
    }

    /** True for a blank line, which readers skip. */
    public static boolean isBlank(String text) {
        return text.isBlank();
    }

    /** True for a line git writes around a conflict ({@code <<<<<<<}, {@code =======}, {@code >>>>>>>}). */
    public static boolean isConflictMarker(String text) {
        return text.startsWith("<<<<<<<") || text.startsWith("=======") || text.startsWith(">>>>>>>");
    }

    /** Parses one non-blank line, or throws {@link CorruptLineException} naming the file and line. */
    public static Issue parse(Path file, int number, String text) {
        if (isConflictMarker(text)) {
            throw new CorruptLineException(file, number,
                    "git conflict marker: finish the merge (bd merge is the merge driver) before using the store");
        }
        try {
            return IssueCodec.parseLine(text);
        } catch (JsonException | IssueFormatException e) {
            throw new CorruptLineException(file, number, e.getMessage());
        }
    }
}
