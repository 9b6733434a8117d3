package dev.gastown.core.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a log file's lines as they are appended, across rotations, like {@code tail -F}. The file is kept open, so
 * when it is renamed away (rotation: the name now holds another file, told by its inode) whatever was appended to
 * the old file is read to its end before reading the new file from its start; a file truncated in place is read
 * again from its start. Only complete lines are returned; a line still being written waits for its newline.
 */
public final class LogFollower implements AutoCloseable {
    /** Where files have no key, a rotation is only seen when the file at the name is shorter than what was read. */
    private static final Object NO_KEY = new Object();

    private final Path path;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private FileChannel channel;
    private Object fileKey;
    private long offset;

    public LogFollower(Path path) {
        this.path = path;
    }

    /** Every complete line appended since the last call (the whole file on the first call). */
    public List<String> poll() {
        List<String> lines = new ArrayList<>();
        try {
            if (channel == null) {
                open();
            } else {
                Object now = fileKey(path);
                if (now != null && !Objects.equals(now, fileKey)) {
                    read(lines); // the rotated file is final: take its last lines, then move on
                    flushPartial(lines);
                    channel.close();
                    channel = null;
                    open();
                } else if (channel.size() < offset) {
                    partial.reset();
                    offset = 0; // truncated in place
                }
            }
            if (channel != null) {
                read(lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return lines;
    }

    /** Opens the file now at {@code path}, if any; its inode is read before and after, so a rotation in between
     * cannot pair the key of one file with the channel of the other. */
    private void open() throws IOException {
        while (true) {
            Object before = fileKey(path);
            if (before == null) {
                return;
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException renamedAway) {
                continue;
            }
            if (before.equals(fileKey(path))) {
                channel = ch;
                fileKey = before;
                offset = 0;
                return;
            }
            ch.close();
        }
    }

    private void read(List<String> lines) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        int n;
        while ((n = channel.read(buf, offset)) > 0) {
            offset += n;
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '\n') {
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(b);
                }
            }
            buf.clear();
        }
    }

    private void flushPartial(List<String> lines) {
        if (partial.size() > 0) {
            lines.add(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        }
    }

    /** The file's identity (its inode), {@link #NO_KEY} where the platform has none, null when it is absent. */
    private static Object fileKey(Path p) throws IOException {
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return key == null ? NO_KEY : key;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
