package dev.gastown.beads.store;

import static dev.gastown.beads.store.IndexLayout.*;

import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.graph.WaitGate;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Read access to {@code index.bin}, memory-mapped: opening costs the same for ten issues or a million, and a query
 * touches only the records it reads. Record numbers follow id order.
 */
final class IndexFile {
    private final ByteBuffer buf;
    private final int count;
    private final int activeCount;
    private final BaseIdentity base;
    private final long maxCommentId;
    private final long[] section = new long[SECTION_COUNT];

    private IndexFile(ByteBuffer buf) {
        this.buf = buf;
        byte[] magic = new byte[MAGIC.length];
        buf.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not an index file");
        }
        this.count = buf.getInt(H_COUNT);
        this.activeCount = buf.getInt(H_ACTIVE);
        this.base = BaseIdentity.readFrom(buf.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(H_BASE));
        this.maxCommentId = buf.getLong(H_MAX_COMMENT);
        for (int s = 0; s < SECTION_COUNT; s++) {
            section[s] = buf.getLong(H_SECTIONS + 8 * s);
        }
    }

    /** The index at {@code file}, or null when there is none or it is not readable as one (it is then rebuilt). */
    static IndexFile open(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES || size > Integer.MAX_VALUE) {
                return null;
            }
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            map.order(ByteOrder.LITTLE_ENDIAN);
            return new IndexFile(map);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    BaseIdentity base() {
        return base;
    }

    int size() {
        return count;
    }

    long maxCommentId() {
        return maxCommentId;
    }

    int activeCount() {
        return activeCount;
    }

    int activeRecord(int k) {
        return buf.getInt(Math.toIntExact(section[S_ACTIVE] + 4L * k));
    }

    /** Number of hierarchical (dotted) ids among records {@code [0, r)}. */
    int hierarchicalBefore(int r) {
        return buf.getInt(Math.toIntExact(section[S_HIER] + 4L * r));
    }

    /** The record number of {@code id}, or {@code -(insertion point) - 1}. */
    int find(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        return search(key);
    }

    /** The first record whose id is not less than {@code prefix}: the start of the prefix's range. */
    int lowerBound(String prefix) {
        int r = search(prefix.getBytes(StandardCharsets.UTF_8));
        return r >= 0 ? r : -r - 1;
    }

    private int search(byte[] key) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareString(int32(mid, R_ID), key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** The range {@code [from, to)} of dangling entries whose target id is {@code id}. */
    int[] danglingRange(String id) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        int count = danglingCount();
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareString(buf.getInt(danglingAt(mid) + D_TARGET_ID), key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < count && compareString(buf.getInt(danglingAt(end) + D_TARGET_ID), key) == 0) {
            end++;
        }
        return new int[] {lo, end};
    }

    int danglingSource(int k) {
        return buf.getInt(danglingAt(k) + D_SOURCE);
    }

    int danglingTypeCode(int k) {
        return buf.get(danglingAt(k) + D_TYPE) & 0xff;
    }

    private int danglingCount() {
        return (int) ((buf.capacity() - section[S_DANGLING]) / DANGLING_BYTES);
    }

    private int danglingAt(int k) {
        return Math.toIntExact(section[S_DANGLING] + (long) DANGLING_BYTES * k);
    }

    private int compareString(int ref, byte[] key) {
        int len = buf.getInt(stringAt(ref));
        int start = stringAt(ref) + 4;
        int n = Math.min(len, key.length);
        for (int i = 0; i < n; i++) {
            int a = buf.get(start + i) & 0xff;
            int b = key[i] & 0xff;
            if (a != b) {
                return a - b;
            }
        }
        return len - key.length;
    }

    String id(int r) {
        return string(int32(r, R_ID));
    }

    /** True when the id of record {@code r} starts with {@code prefix} (compared as bytes). */
    boolean idStartsWith(int r, byte[] prefix) {
        int at = stringAt(int32(r, R_ID));
        int len = buf.getInt(at);
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf.get(at + 4 + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    Partition partition(int r) {
        return Partition.values()[buf.get(recordAt(r) + R_PARTITION)];
    }

    long lineOffset(int r) {
        return buf.getLong(recordAt(r) + R_LINE_OFFSET);
    }

    int lineLength(int r) {
        return int32(r, R_LINE_LENGTH);
    }

    int flags(int r) {
        return buf.get(recordAt(r) + R_FLAGS) & 0xff;
    }

    boolean blocked(int r) {
        return (flags(r) & F_BLOCKED) != 0;
    }

    boolean directlyBlocked(int r) {
        return (flags(r) & F_DIRECTLY_BLOCKED) != 0;
    }

    Status status(int r) {
        int code = buf.get(recordAt(r) + R_STATUS) & 0xff;
        return code == OTHER_CODE ? Status.of(string(int32(r, R_STATUS_NAME))) : STATUS_CODES.get(code);
    }

    IssueType type(int r) {
        int code = buf.get(recordAt(r) + R_TYPE) & 0xff;
        return code == OTHER_CODE ? IssueType.of(string(int32(r, R_TYPE_NAME))) : TYPE_CODES.get(code);
    }

    int priority(int r) {
        return int32(r, R_PRIORITY);
    }

    long createdMicros(int r) {
        return buf.getLong(recordAt(r) + R_CREATED);
    }

    long updatedMicros(int r) {
        return buf.getLong(recordAt(r) + R_UPDATED);
    }

    long deferMicros(int r) {
        return buf.getLong(recordAt(r) + R_DEFER);
    }

    String assignee(int r) {
        return optionalString(int32(r, R_ASSIGNEE));
    }

    String molType(int r) {
        return optionalString(int32(r, R_MOL_TYPE));
    }

    List<String> labels(int r) {
        int start = int32(r, R_LABELS);
        int n = int32(r, R_LABEL_COUNT);
        List<String> labels = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            labels.add(string(buf.getInt(Math.toIntExact(section[S_LABELS] + 4L * (start + k)))));
        }
        return List.copyOf(labels);
    }

    /** Decodes the whole summary of record {@code r}. */
    IssueSummary summary(int r) {
        int flags = flags(r);
        int n = edgeCount(r);
        List<Edge> edges = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            edges.add(edge(r, k));
        }
        return new IssueSummary(id(r), status(r), type(r), priority(r), (flags & F_PINNED) != 0,
                (flags & F_EPHEMERAL) != 0, (flags & F_TEMPLATE) != 0, (flags & F_CLOSED_SUCCESS) != 0,
                createdMicros(r), updatedMicros(r), deferMicros(r), assignee(r), molType(r), labels(r),
                List.copyOf(edges));
    }

    private Edge edge(int r, int k) {
        int at = edgeAt(r, k);
        int typeCode = buf.get(at + E_TYPE) & 0xff;
        DependencyType type = typeCode == OTHER_CODE
                ? DependencyType.of(string(buf.getInt(at + E_TYPE_NAME)))
                : DEP_CODES.get(typeCode);
        String target = string(buf.getInt(at + E_TARGET_ID));
        return new Edge(target, type, WaitGate.values()[buf.get(at + E_GATE)], string(buf.getInt(at + E_SPAWNER_ID)));
    }

    int edgeCount(int r) {
        return int32(r, R_EDGE_COUNT);
    }

    /** The record of outgoing edge {@code k}'s target, or {@link IndexLayout#NONE} when it is not in the store. */
    int edgeTargetRecord(int r, int k) {
        return buf.getInt(edgeAt(r, k) + E_TARGET);
    }

    String edgeTargetId(int r, int k) {
        return string(buf.getInt(edgeAt(r, k) + E_TARGET_ID));
    }

    int edgeTypeCode(int r, int k) {
        return buf.get(edgeAt(r, k) + E_TYPE) & 0xff;
    }

    private int edgeAt(int r, int k) {
        return Math.toIntExact(section[S_EDGES] + (long) EDGE_BYTES * (int32(r, R_EDGES) + k));
    }

    int reverseCount(int r) {
        return int32(r, R_REVERSE_COUNT);
    }

    /** The positions {@code [from, to)}, within record {@code r}'s incoming run, of entries of one type code. */
    int[] reverseRange(int r, int typeCode) {
        int n = reverseCount(r);
        return new int[] {firstReverseAtLeast(r, n, typeCode), firstReverseAtLeast(r, n, typeCode + 1)};
    }

    private int firstReverseAtLeast(int r, int n, int typeCode) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reverseTypeCode(r, mid) < typeCode) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int reverseSource(int r, int k) {
        return buf.getInt(reverseAt(r, k) + V_SOURCE);
    }

    /** The type code of incoming edge {@code k}: an index into the well-known types, or a special code. */
    int reverseTypeCode(int r, int k) {
        return buf.get(reverseAt(r, k) + V_TYPE) & 0xff;
    }

    private int reverseAt(int r, int k) {
        return Math.toIntExact(section[S_REVERSE] + (long) REVERSE_BYTES * (int32(r, R_REVERSE) + k));
    }

    private String optionalString(int ref) {
        return ref == NONE ? "" : string(ref);
    }

    private String string(int ref) {
        int at = stringAt(ref);
        int len = buf.getInt(at);
        byte[] bytes = new byte[len];
        buf.get(at + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private int stringAt(int ref) {
        return Math.toIntExact(section[S_STRINGS] + ref);
    }

    private int recordAt(int r) {
        return Math.toIntExact(section[S_RECORDS] + (long) RECORD_BYTES * r);
    }

    private int int32(int r, int field) {
        return buf.getInt(recordAt(r) + field);
    }
}
