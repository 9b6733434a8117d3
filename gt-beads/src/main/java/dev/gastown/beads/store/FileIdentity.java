package dev.gastown.beads.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Enough of a file's metadata to notice that it changed underneath us ({@code git pull}, {@code git checkout}, an
 * editor): size, modification and change times in nanoseconds, and inode. Any rewrite or rename changes at least
 * one of them. A missing file has the identity {@link #ABSENT}.
 */
public record FileIdentity(long size, long mtimeNanos, long ctimeNanos, long inode) {
    public static final FileIdentity ABSENT = new FileIdentity(-1, 0, 0, 0);
    public static final int BYTES = 32;

    public static FileIdentity of(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino");
            return new FileIdentity((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), (Long) a.get("ino"));
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (UnsupportedOperationException e) {
            try {
                return new FileIdentity(Files.size(file), nanos(Files.getLastModifiedTime(file)), 0, 0);
            } catch (NoSuchFileException missing) {
                return ABSENT;
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
    }

    public boolean exists() {
        return size >= 0;
    }

    void writeTo(ByteBuffer b) {
        b.putLong(size).putLong(mtimeNanos).putLong(ctimeNanos).putLong(inode);
    }

    static FileIdentity readFrom(ByteBuffer b) {
        return new FileIdentity(b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    // Written out: a record's generated equals/hashCode bootstrap through invokedynamic on first use, which costs a
    // cold gt/bd process milliseconds that class-data sharing cannot save.
    @Override
    public boolean equals(Object o) {
        return o instanceof FileIdentity other && size == other.size && mtimeNanos == other.mtimeNanos && ctimeNanos == other.ctimeNanos
                && inode == other.inode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(mtimeNanos);
    }
}
