package dev.gastown.beads.store;

import dev.gastown.beads.codec.IssueCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The write-behind journal: changes committed since the JSONL files were last compacted. It starts with a header
 * naming the JSONL files it applies to, then holds one frame per committed transaction:
 * {@code magic, length, crc32, payload}, the payload being lines {@code P <issue json>} or {@code D <id>}.
 *
 * <p>A frame is durable (fdatasync) before its commit returns. A process killed while appending leaves a torn
 * frame at the end; readers stop at the first frame whose length or checksum does not hold, and the next writer cuts
 * it off before appending, so the journal always reads as the state before or after a commit, never between.
 */
final class Journal {
    private static final byte[] MAGIC = "BDJRNL01".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + BaseIdentity.BYTES + 4;
    private static final int FRAME_MAGIC = 0x4A524E4C;
    private static final int FRAME_HEADER_BYTES = 12;

    /** What a journal file holds: its base, its ops in commit order, and how much of it is intact. */
    record Contents(BaseIdentity base, List<JournalOp> ops, long intactBytes, long fileBytes, int frames) {
        static final Contents EMPTY = new Contents(null, List.of(), 0, 0, 0);

        boolean isEmpty() {
            return ops.isEmpty();
        }

        boolean hasTornTail() {
            return intactBytes < fileBytes;
        }
    }

    private Journal() {
    }

    static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Contents.EMPTY;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        if (bytes.length < HEADER_BYTES) {
            return new Contents(null, List.of(), 0, bytes.length, 0);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        BaseIdentity base = BaseIdentity.readFrom(b);
        int headerCrc = b.getInt();
        if (!java.util.Arrays.equals(magic, MAGIC) || headerCrc != crc(bytes, 0, HEADER_BYTES - 4)) {
            throw new StoreException("journal " + file + " has a damaged header; move it aside to continue "
                    + "(its uncompacted changes would be lost)");
        }
        List<JournalOp> ops = new ArrayList<>();
        int frames = 0;
        int pos = HEADER_BYTES;
        while (pos + FRAME_HEADER_BYTES <= bytes.length) {
            b.position(pos);
            int magicWord = b.getInt();
            int length = b.getInt();
            int sum = b.getInt();
            int payloadStart = pos + FRAME_HEADER_BYTES;
            if (magicWord != FRAME_MAGIC || length < 0 || length > bytes.length - payloadStart
                    || sum != crc(bytes, payloadStart, length)) {
                break;
            }
            decodePayload(new String(bytes, payloadStart, length, StandardCharsets.UTF_8), ops, file);
            frames++;
            pos = payloadStart + length;
        }
        return new Contents(base, ops, pos, bytes.length, frames);
    }

    /**
     * Appends one frame. An empty journal ({@code intactBytes == 0}) first gets a header naming {@code base}; an
     * existing one is first cut back to its intact length, dropping any torn frame. Returns the journal's new size.
     */
    static long append(Path file, long intactBytes, BaseIdentity base, byte[] payload) {
        boolean fresh = intactBytes == 0;
        ByteBuffer buf = ByteBuffer.allocate((fresh ? HEADER_BYTES : 0) + FRAME_HEADER_BYTES + payload.length);
        if (fresh) {
            buf.put(MAGIC);
            base.writeTo(buf);
            buf.putInt(crc(buf.array(), 0, HEADER_BYTES - 4));
        }
        buf.putInt(FRAME_MAGIC).putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload);
        buf.flip();
        long start = intactBytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(start);
            long pos = start;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(false);
            if (fresh) {
                Fsync.directory(file.getParent());
            }
            return pos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + file, e);
        }
    }

    /** Empties the journal once its changes are in the JSONL files. */
    static void clear(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear journal " + file, e);
        }
    }

    /** The frame payload for {@code ops}; its length decides whether a commit goes to the journal at all. */
    static byte[] encodePayload(List<JournalOp> ops) {
        StringBuilder sb = new StringBuilder(ops.size() * 512);
        for (JournalOp op : ops) {
            if (op instanceof JournalOp.Put put) {
                sb.append("P ").append(IssueCodec.toLine(put.issue())).append('\n');
            } else {
                sb.append("D ").append(op.id()).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void decodePayload(String payload, List<JournalOp> ops, Path file) {
        int start = 0;
        while (start < payload.length()) {
            int end = payload.indexOf('\n', start);
            if (end < 0) {
                end = payload.length();
            }
            String line = payload.substring(start, end);
            start = end + 1;
            if (line.startsWith("P ")) {
                ops.add(new JournalOp.Put(IssueCodec.parseLine(line.substring(2))));
            } else if (line.startsWith("D ")) {
                ops.add(new JournalOp.Delete(line.substring(2)));
            } else if (!line.isEmpty()) {
                throw new StoreException("journal " + file + " holds an unknown record: " + line);
            }
        }
    }

    private static int crc(byte[] data, int off, int len) {
        CRC32 c = new CRC32();
        c.update(data, off, len);
        return (int) c.getValue();
    }
}
