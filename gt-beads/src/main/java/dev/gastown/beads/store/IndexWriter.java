package dev.gastown.beads.store;

import static dev.gastown.beads.store.IndexLayout.*;

import dev.gastown.beads.graph.BlockingRules;
import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.graph.WaitGate;
import dev.gastown.beads.model.DependencyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code index.bin} from the summaries of every issue: sorts them by id, resolves edge targets to records,
 * derives incoming edges, computes the blocked set once for the whole store, and writes the file atomically.
 */
final class IndexWriter {
    private final List<IndexedIssue> records;
    private final Map<String, Integer> recordOf;
    private final int[] reverseStart;
    private final int[] reverseSource;
    private final byte[] reverseType;
    private final StringPool strings = new StringPool();
    /** An edge (or spawner reference) from a record to an id that is not in the store. */
    private record Dangling(String target, int source, int typeCode) {
    }

    private final List<Dangling> dangling = new ArrayList<>();

    private IndexWriter(List<IndexedIssue> issues) {
        IndexedIssue[] sorted = issues.toArray(new IndexedIssue[0]);
        Arrays.sort(sorted, (a, b) -> IdOrder.compare(a.summary().id(), b.summary().id()));
        this.records = Arrays.asList(sorted);
        this.recordOf = new HashMap<>(sorted.length * 2);
        for (int r = 0; r < sorted.length; r++) {
            if (recordOf.put(sorted[r].summary().id(), r) != null) {
                throw new StoreException("duplicate issue id " + sorted[r].summary().id());
            }
        }
        // Incoming edges, counted then filled, so a million-record store needs no per-record lists.
        int n = sorted.length;
        int[] counts = new int[n + 1];
        forEachReverse((target, source, type) -> counts[target]++);
        reverseStart = new int[n + 1];
        for (int r = 0; r < n; r++) {
            reverseStart[r + 1] = reverseStart[r] + counts[r];
        }
        reverseSource = new int[reverseStart[n]];
        reverseType = new byte[reverseStart[n]];
        int[] fill = Arrays.copyOf(reverseStart, n);
        forEachReverse((target, source, type) -> {
            int at = fill[target]++;
            reverseSource[at] = source;
            reverseType[at] = (byte) type;
        });
        sortRunsByType(n);
        for (int r = 0; r < n; r++) {
            for (Edge e : sorted[r].summary().edges()) {
                if (!recordOf.containsKey(e.target())) {
                    dangling.add(new Dangling(e.target(), r, code(DEP_CODES, e.type())));
                }
                if (e.gate() != WaitGate.NONE && !e.spawner().equals(e.target())
                        && !recordOf.containsKey(e.spawner())) {
                    dangling.add(new Dangling(e.spawner(), r, SPAWNER_CODE));
                }
            }
        }
        dangling.sort((a, b) -> IdOrder.compare(a.target(), b.target()));
    }

    /**
     * Orders each record's incoming entries by type code, then source, so that the entries of one type are a
     * contiguous run found by binary search: a molecule root with a million children still answers "who waits on
     * you" in a few steps.
     */
    private void sortRunsByType(int n) {
        for (int r = 0; r < n; r++) {
            int from = reverseStart[r];
            int to = reverseStart[r + 1];
            if (to - from < 2) {
                continue;
            }
            long[] keys = new long[to - from];
            for (int k = from; k < to; k++) {
                keys[k - from] = ((long) (reverseType[k] & 0xff) << 32) | reverseSource[k];
            }
            java.util.Arrays.sort(keys);
            for (int k = from; k < to; k++) {
                reverseType[k] = (byte) (keys[k - from] >>> 32);
                reverseSource[k] = (int) keys[k - from];
            }
        }
    }

    private interface ReverseVisitor {
        void visit(int target, int source, int type);
    }

    private void forEachReverse(ReverseVisitor v) {
        for (int r = 0; r < records.size(); r++) {
            for (Edge e : records.get(r).summary().edges()) {
                Integer target = recordOf.get(e.target());
                if (target != null) {
                    v.visit(target, r, code(DEP_CODES, e.type()));
                }
                if (e.gate() != WaitGate.NONE && !e.spawner().equals(e.target())) {
                    Integer spawner = recordOf.get(e.spawner());
                    if (spawner != null) {
                        v.visit(spawner, r, SPAWNER_CODE);
                    }
                }
            }
        }
    }

    /** Writes the index for {@code issues} to {@code file}, atomically; the caller syncs the directory. */
    static void write(Path file, List<IndexedIssue> issues, BaseIdentity base, long maxCommentId) {
        new IndexWriter(issues).writeTo(file, base, maxCommentId);
    }

    private void writeTo(Path file, BaseIdentity base, long maxCommentId) {
        int n = records.size();
        boolean[] direct = new boolean[n];
        boolean[] blocked = computeBlocked(direct);

        int[] idRef = new int[n];
        for (int r = 0; r < n; r++) {
            idRef[r] = strings.ref(records.get(r).summary().id());
        }
        int edgeCount = 0;
        int labelCount = 0;
        for (IndexedIssue i : records) {
            edgeCount += i.summary().edges().size();
            labelCount += i.summary().labels().size();
        }
        List<Integer> active = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (!records.get(r).summary().status().isTerminal()) {
                active.add(r);
            }
        }
        // Pre-intern every string so the pool is complete before anything refers into it.
        int[][] edgeRefs = new int[n][];
        int[][] labelRefs = new int[n][];
        int[] assignee = new int[n];
        int[] molType = new int[n];
        int[] statusName = new int[n];
        int[] typeName = new int[n];
        for (int r = 0; r < n; r++) {
            IssueSummary s = records.get(r).summary();
            assignee[r] = s.assignee().isEmpty() ? NONE : strings.ref(s.assignee());
            molType[r] = s.molType().isEmpty() ? NONE : strings.ref(s.molType());
            statusName[r] = strings.ref(s.status().name());
            typeName[r] = strings.ref(s.type().name());
            List<Edge> edges = s.edges();
            int[] er = new int[edges.size() * 3];
            for (int k = 0; k < edges.size(); k++) {
                Edge e = edges.get(k);
                er[3 * k] = strings.ref(e.target());
                er[3 * k + 1] = strings.ref(e.type().name());
                er[3 * k + 2] = strings.ref(e.spawner());
            }
            edgeRefs[r] = er;
            int[] lr = new int[s.labels().size()];
            for (int k = 0; k < lr.length; k++) {
                lr[k] = strings.ref(s.labels().get(k));
            }
            labelRefs[r] = lr;
        }
        int[] danglingRefs = new int[dangling.size()];
        for (int k = 0; k < danglingRefs.length; k++) {
            danglingRefs[k] = strings.ref(dangling.get(k).target());
        }

        long[] sectionOffset = new long[SECTION_COUNT];
        long[] sectionLength = {
            (long) n * RECORD_BYTES, strings.size(), (long) edgeCount * EDGE_BYTES,
            (long) reverseSource.length * REVERSE_BYTES, labelCount * 4L, active.size() * 4L, (n + 1) * 4L,
            (long) dangling.size() * DANGLING_BYTES
        };
        long pos = HEADER_BYTES;
        for (int s = 0; s < SECTION_COUNT; s++) {
            sectionOffset[s] = pos;
            pos += sectionLength[s];
        }

        Path temp = Fsync.tempFor(file);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Out out = new Out(ch);
            out.bytes(MAGIC);
            out.i32(n);
            out.i32(active.size());
            ByteBuffer baseBytes = ByteBuffer.allocate(BaseIdentity.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            base.writeTo(baseBytes);
            out.bytes(baseBytes.array());
            out.i64(maxCommentId);
            for (int s = 0; s < SECTION_COUNT; s++) {
                out.i64(sectionOffset[s]);
            }
            int edgeAt = 0;
            int labelAt = 0;
            for (int r = 0; r < n; r++) {
                IndexedIssue rec = records.get(r);
                IssueSummary s = rec.summary();
                int flags = (s.pinned() ? F_PINNED : 0) | (s.ephemeral() ? F_EPHEMERAL : 0)
                        | (s.template() ? F_TEMPLATE : 0) | (s.closedSuccess() ? F_CLOSED_SUCCESS : 0)
                        | (direct[r] ? F_DIRECTLY_BLOCKED : 0) | (blocked[r] ? F_BLOCKED : 0);
                out.i32(idRef[r]);
                out.i32(rec.length());
                out.i64(rec.offset());
                out.i64(s.createdMicros());
                out.i64(s.updatedMicros());
                out.i64(s.deferMicros());
                out.i32(assignee[r]);
                out.i32(molType[r]);
                out.i32(statusName[r]);
                out.i32(typeName[r]);
                out.i32(edgeAt);
                out.i32(s.edges().size());
                out.i32(reverseStart[r]);
                out.i32(reverseStart[r + 1] - reverseStart[r]);
                out.i32(labelAt);
                out.i32(s.labels().size());
                out.i32(s.priority());
                out.u8(code(STATUS_CODES, s.status()));
                out.u8(code(TYPE_CODES, s.type()));
                out.u8(flags);
                out.u8(rec.partition().ordinal());
                edgeAt += s.edges().size();
                labelAt += s.labels().size();
            }
            strings.writeTo(out);
            for (int r = 0; r < n; r++) {
                List<Edge> edges = records.get(r).summary().edges();
                int[] er = edgeRefs[r];
                for (int k = 0; k < edges.size(); k++) {
                    Edge e = edges.get(k);
                    Integer target = recordOf.get(e.target());
                    out.i32(target == null ? NONE : target);
                    out.i32(er[3 * k]);
                    out.u8(code(DEP_CODES, e.type()));
                    out.u8(e.gate().ordinal());
                    out.u8(0);
                    out.u8(0);
                    out.i32(er[3 * k + 1]);
                    Integer spawner = recordOf.get(e.spawner());
                    out.i32(e.spawner().equals(e.target()) ? NONE : spawner == null ? -2 : spawner);
                    out.i32(er[3 * k + 2]);
                }
            }
            for (int k = 0; k < reverseSource.length; k++) {
                out.i32(reverseSource[k]);
                out.u8(reverseType[k] & 0xff);
                out.u8(0);
                out.u8(0);
                out.u8(0);
            }
            for (int[] lr : labelRefs) {
                for (int ref : lr) {
                    out.i32(ref);
                }
            }
            for (int r : active) {
                out.i32(r);
            }
            int hier = 0;
            out.i32(0);
            for (int r = 0; r < n; r++) {
                if (records.get(r).summary().id().indexOf('.') >= 0) {
                    hier++;
                }
                out.i32(hier);
            }
            for (int k = 0; k < danglingRefs.length; k++) {
                out.i32(danglingRefs[k]);
                out.i32(dangling.get(k).source());
                out.u8(dangling.get(k).typeCode());
                out.u8(0);
                out.u8(0);
                out.u8(0);
            }
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            Fsync.deleteQuietly(temp);
            throw new UncheckedIOException("cannot write index " + file, e);
        }
        Fsync.rename(temp, file);
    }

    /** Direct blocking per record, then down parent-child edges to at most 50 levels. */
    private boolean[] computeBlocked(boolean[] direct) {
        int n = records.size();
        // A spawner need not exist as an issue to have children: edges alone make them.
        Map<String, List<String>> danglingChildren = new HashMap<>();
        for (Dangling d : dangling) {
            if (d.typeCode() == parentChildCode()) {
                danglingChildren.computeIfAbsent(d.target(), k -> new ArrayList<>())
                        .add(records.get(d.source()).summary().id());
            }
        }
        int parentChild = parentChildCode();
        BlockingRules.Graph graph = new BlockingRules.Graph() {
            @Override
            public IssueSummary summary(String id) {
                Integer r = recordOf.get(id);
                return r == null ? null : records.get(r).summary();
            }

            @Override
            public Iterable<String> children(String id) {
                Integer r = recordOf.get(id);
                if (r == null) {
                    return danglingChildren.getOrDefault(id, List.of());
                }
                List<String> out = new ArrayList<>();
                for (int k = reverseStart[r]; k < reverseStart[r + 1]; k++) {
                    if (reverseType[k] == parentChild) {
                        out.add(records.get(reverseSource[k]).summary().id());
                    }
                }
                return out;
            }
        };
        boolean[] blocked = new boolean[n];
        int[] depth = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r = 0; r < n; r++) {
            direct[r] = BlockingRules.directlyBlocked(graph, records.get(r).summary());
            if (direct[r]) {
                blocked[r] = true;
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            if (depth[r] >= BlockingRules.MAX_PROPAGATION_DEPTH) {
                continue;
            }
            for (int k = reverseStart[r]; k < reverseStart[r + 1]; k++) {
                int child = reverseSource[k];
                if (reverseType[k] == parentChild && !blocked[child]) {
                    blocked[child] = true;
                    depth[child] = depth[r] + 1;
                    queue.add(child);
                }
            }
        }
        return blocked;
    }

    private static int parentChildCode() {
        return code(DEP_CODES, DependencyType.PARENT_CHILD);
    }

    /** Deduplicated, length-prefixed UTF-8 strings. */
    private static final class StringPool {
        private final Map<String, Integer> refs = new HashMap<>();
        private byte[] bytes = new byte[1 << 16];
        private int size;

        int ref(String s) {
            Integer r = refs.get(s);
            if (r != null) {
                return r;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (size + 4 + utf8.length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + 4 + utf8.length));
            }
            int at = size;
            ByteBuffer.wrap(bytes, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length);
            System.arraycopy(utf8, 0, bytes, at + 4, utf8.length);
            size += 4 + utf8.length;
            refs.put(s, at);
            return at;
        }

        int size() {
            return size;
        }

        void writeTo(Out out) throws IOException {
            out.bytes(Arrays.copyOf(bytes, size));
        }
    }

    /** Buffered little-endian output to a channel. */
    private static final class Out {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

        Out(FileChannel ch) {
            this.ch = ch;
        }

        void i32(int v) throws IOException {
            room(4);
            buf.putInt(v);
        }

        void i64(long v) throws IOException {
            room(8);
            buf.putLong(v);
        }

        void u8(int v) throws IOException {
            room(1);
            buf.put((byte) v);
        }

        void bytes(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                room(1);
                int k = Math.min(buf.remaining(), b.length - off);
                buf.put(b, off, k);
                off += k;
            }
        }

        private void room(int k) throws IOException {
            if (buf.remaining() < k) {
                flush();
            }
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf.clear();
        }
    }
}
