package dev.gastown.beads.store;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.graph.BlockingRules;
import dev.gastown.beads.graph.Edge;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The store as one transaction sees it: the index, then the journal's uncompacted changes, then (when writable) the
 * transaction's own. Scans walk the index with cursors and skip records that changed above it.
 */
final class View implements StoreTransaction, BlockingRules.Graph, AutoCloseable {
    private static final int PARENT_CHILD = IndexLayout.code(IndexLayout.DEP_CODES, DependencyType.PARENT_CHILD);

    private final BeadsDir dir;
    private final IndexFile idx;
    private final Overlay top;
    private final boolean writable;
    private final FileChannel[] channels = new FileChannel[Partition.values().length];
    private final Map<Object, Boolean> blockedMemo = new HashMap<>();

    View(BeadsDir dir, IndexFile idx, Overlay journal, boolean writable) {
        this.dir = dir;
        this.idx = idx;
        this.writable = writable;
        this.top = writable ? new Overlay(idx, journal) : journal;
    }

    /** The transaction's own changes (empty for a read-only view). */
    Overlay pending() {
        return top;
    }

    IndexFile index() {
        return idx;
    }

    // ---- lookups

    @Override
    public Optional<Issue> find(String id) {
        if (top.isChanged(id)) {
            return Optional.ofNullable(top.current(id));
        }
        int r = idx.find(id);
        return r < 0 ? Optional.empty() : Optional.of(read(r));
    }

    /** The full issue of base record {@code r}, parsed from its JSONL line. */
    Issue read(int r) {
        Partition p = idx.partition(r);
        ByteBuffer buf = ByteBuffer.allocate(idx.lineLength(r));
        try {
            FileChannel ch = channel(p);
            long pos = idx.lineOffset(r);
            while (buf.hasRemaining()) {
                int k = ch.read(buf, pos + buf.position());
                if (k < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.file(dir), e);
        }
        String line = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        Issue issue;
        try {
            issue = IssueCodec.parseLine(line);
        } catch (RuntimeException e) {
            throw changedUnderneath(p);
        }
        if (!issue.id().equals(idx.id(r))) {
            throw changedUnderneath(p);
        }
        return issue;
    }

    private StoreException changedUnderneath(Partition p) {
        return new StoreException(p.file(dir) + " changed while it was being read (without the store lock); "
                + "run the command again");
    }

    private FileChannel channel(Partition p) throws IOException {
        FileChannel ch = channels[p.ordinal()];
        if (ch == null) {
            ch = FileChannel.open(p.file(dir), StandardOpenOption.READ);
            channels[p.ordinal()] = ch;
        }
        return ch;
    }

    @Override
    public boolean contains(String id) {
        if (top.isChanged(id)) {
            return top.current(id) != null;
        }
        return idx.find(id) >= 0;
    }

    @Override
    public IssueSummary summary(String id) {
        if (top.isChanged(id)) {
            return top.currentSummary(id);
        }
        int r = idx.find(id);
        return r < 0 ? null : idx.summary(r);
    }

    // ---- edges

    @Override
    public List<Incoming> dependents(String id) {
        List<Incoming> out = new ArrayList<>();
        forEachBaseIncoming(id, (source, code) -> {
            if (code == IndexLayout.SPAWNER_CODE) {
                return;
            }
            String sourceId = idx.id(source);
            if (code != IndexLayout.OTHER_CODE) {
                out.add(new Incoming(sourceId, IndexLayout.DEP_CODES.get(code)));
                return;
            }
            for (Edge e : idx.summary(source).edges()) {
                if (e.target().equals(id) && IndexLayout.code(IndexLayout.DEP_CODES, e.type()) == IndexLayout.OTHER_CODE) {
                    out.add(new Incoming(sourceId, e.type()));
                }
            }
        });
        top.incoming(id, out);
        return out;
    }

    /** Sources of waits-for edges that name {@code spawner} in their metadata. */
    List<String> spawnerSources(String spawner) {
        List<String> out = new ArrayList<>();
        forEachBaseIncomingOfType(spawner, IndexLayout.SPAWNER_CODE, source -> out.add(idx.id(source)));
        top.spawnerSources(spawner, out);
        return out;
    }

    /**
     * Sources of edges of {@code type} into {@code id}: a binary search in the index (incoming runs are ordered by
     * type), then the changed issues.
     */
    List<String> dependentsOfType(String id, DependencyType type) {
        List<String> out = new ArrayList<>();
        int code = IndexLayout.code(IndexLayout.DEP_CODES, type);
        if (code != IndexLayout.OTHER_CODE) {
            forEachBaseIncomingOfType(id, code, source -> out.add(idx.id(source)));
        }
        List<Incoming> changed = new ArrayList<>();
        top.incoming(id, changed);
        for (Incoming in : changed) {
            if (in.type().equals(type)) {
                out.add(in.sourceId());
            }
        }
        return out;
    }

    private void forEachBaseIncomingOfType(String id, int code, java.util.function.IntConsumer visitor) {
        int r = idx.find(id);
        if (r < 0) {
            forEachBaseIncoming(id, (source, c) -> {
                if (c == code) {
                    visitor.accept(source);
                }
            });
            return;
        }
        int[] range = idx.reverseRange(r, code);
        for (int k = range[0]; k < range[1]; k++) {
            int source = idx.reverseSource(r, k);
            if (!top.isChangedRecord(source)) {
                visitor.accept(source);
            }
        }
    }

    private interface IncomingVisitor {
        void visit(int sourceRecord, int typeCode);
    }

    /** Index entries for edges into {@code id} from unchanged base records, whether or not {@code id} exists. */
    private void forEachBaseIncoming(String id, IncomingVisitor visitor) {
        int r = idx.find(id);
        if (r >= 0) {
            int n = idx.reverseCount(r);
            for (int k = 0; k < n; k++) {
                int source = idx.reverseSource(r, k);
                if (!top.isChangedRecord(source)) {
                    visitor.visit(source, idx.reverseTypeCode(r, k));
                }
            }
            return;
        }
        int[] range = idx.danglingRange(id);
        for (int k = range[0]; k < range[1]; k++) {
            int source = idx.danglingSource(k);
            if (!top.isChangedRecord(source)) {
                visitor.visit(source, idx.danglingTypeCode(k));
            }
        }
    }

    @Override
    public List<String> children(String id) {
        List<String> out = dependentsOfType(id, DependencyType.PARENT_CHILD);
        out.sort(IdOrder.COMPARATOR);
        return out;
    }

    @Override
    public void forEachChild(String id, Consumer<IssueRow> action) {
        int code = IndexLayout.code(IndexLayout.DEP_CODES, DependencyType.PARENT_CHILD);
        IndexRow row = new IndexRow();
        forEachBaseIncomingOfType(id, code, source -> {
            row.at(source);
            action.accept(row);
        });
        List<Incoming> changed = new ArrayList<>();
        top.incoming(id, changed);
        for (Incoming in : changed) {
            if (in.type().equals(DependencyType.PARENT_CHILD)) {
                IssueSummary s = top.currentSummary(in.sourceId());
                if (s != null) {
                    action.accept(s);
                }
            }
        }
    }

    // ---- blocking

    @Override
    public boolean isBlocked(String id) {
        if (top.isChanged(id)) {
            return top.current(id) != null && walkBlocked(id);
        }
        int r = idx.find(id);
        return r >= 0 && isBlockedRecord(r);
    }

    @Override
    public boolean isBlocked(IssueRow row) {
        if (row instanceof IndexRow ir) {
            return isBlockedRecord(ir.record);
        }
        return isBlocked(row.id());
    }

    private boolean isBlockedRecord(int r) {
        if (top.isEmpty()) {
            return idx.blocked(r);
        }
        // Common case first: a chain of single parents, none of them changed or affected, has the index's answer.
        int node = r;
        for (int depth = 0; depth <= BlockingRules.MAX_PROPAGATION_DEPTH; depth++) {
            if (top.isChangedRecord(node) || top.isAffectedRecord(node)) {
                return walkBlocked(r);
            }
            int parent = -1;
            int n = idx.edgeCount(node);
            for (int k = 0; k < n; k++) {
                if (idx.edgeTypeCode(node, k) == PARENT_CHILD) {
                    if (parent != -1 || idx.edgeTargetRecord(node, k) < 0) {
                        return walkBlocked(r);
                    }
                    parent = idx.edgeTargetRecord(node, k);
                }
            }
            if (parent < 0) {
                return idx.blocked(r);
            }
            node = parent;
        }
        return idx.blocked(r);
    }

    /**
     * Whether the node or an ancestor within {@link BlockingRules#MAX_PROPAGATION_DEPTH} levels is directly
     * blocked. Nodes are base records (Integer) when unchanged, ids (String) otherwise; an unchanged, unaffected
     * record's direct flag comes from the index, every other node's is recomputed by the rules.
     */
    private boolean walkBlocked(Object start) {
        Boolean known = blockedMemo.get(start);
        if (known != null) {
            return known;
        }
        ArrayDeque<Object> queue = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        Set<Object> seen = new HashSet<>();
        queue.add(start);
        depths.add(0);
        seen.add(start);
        boolean blocked = false;
        while (!queue.isEmpty() && !blocked) {
            Object node = queue.poll();
            int depth = depths.poll();
            List<Object> parents = new ArrayList<>(1);
            if (node instanceof Integer r) {
                blocked = top.isAffectedRecord(r)
                        ? BlockingRules.directlyBlocked(this, idx.summary(r))
                        : idx.directlyBlocked(r);
                int n = idx.edgeCount(r);
                for (int k = 0; k < n; k++) {
                    if (idx.edgeTypeCode(r, k) != PARENT_CHILD) {
                        continue;
                    }
                    int t = idx.edgeTargetRecord(r, k);
                    if (t >= 0) {
                        parents.add(top.isChangedRecord(t) ? idx.id(t) : (Object) t);
                    } else {
                        String target = idx.edgeTargetId(r, k);
                        if (top.isChanged(target)) {
                            parents.add(target);
                        }
                    }
                }
            } else {
                IssueSummary s = top.currentSummary((String) node);
                if (s == null) {
                    continue;
                }
                blocked = BlockingRules.directlyBlocked(this, s);
                for (String p : s.parents()) {
                    if (top.isChanged(p)) {
                        parents.add(p);
                    } else {
                        int t = idx.find(p);
                        if (t >= 0) {
                            parents.add(t);
                        }
                    }
                }
            }
            if (depth < BlockingRules.MAX_PROPAGATION_DEPTH) {
                for (Object p : parents) {
                    if (seen.add(p)) {
                        queue.add(p);
                        depths.add(depth + 1);
                    }
                }
            }
        }
        blockedMemo.put(start, blocked);
        return blocked;
    }

    // ---- scans

    @Override
    public void forEachActive(Consumer<IssueRow> action) {
        IndexRow row = new IndexRow();
        boolean overlay = !top.isEmpty();
        int n = idx.activeCount();
        for (int k = 0; k < n; k++) {
            int r = idx.activeRecord(k);
            if (overlay && top.isChangedRecord(r)) {
                continue;
            }
            row.at(r);
            action.accept(row);
        }
        top.forEachCurrent((id, issue) -> {
            if (issue != null && !issue.status().isTerminal()) {
                action.accept(top.currentSummary(id));
            }
        });
    }

    @Override
    public void forEachIssue(Consumer<IssueRow> action) {
        IndexRow row = new IndexRow();
        boolean overlay = !top.isEmpty();
        for (int r = 0; r < idx.size(); r++) {
            if (overlay && top.isChangedRecord(r)) {
                continue;
            }
            row.at(r);
            action.accept(row);
        }
        top.forEachCurrent((id, issue) -> {
            if (issue != null) {
                action.accept(top.currentSummary(id));
            }
        });
    }

    @Override
    public List<String> idsWithPrefix(String prefix) {
        List<String> out = new ArrayList<>();
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        for (int r = idx.lowerBound(prefix); r < idx.size() && idx.idStartsWith(r, p); r++) {
            if (!top.isChangedRecord(r)) {
                out.add(idx.id(r));
            }
        }
        top.forEachCurrent((id, issue) -> {
            if (issue != null && id.startsWith(prefix)) {
                out.add(id);
            }
        });
        out.sort(IdOrder.COMPARATOR);
        return out;
    }

    @Override
    public List<String> idsContaining(String fragment) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < idx.size(); r++) {
            if (!top.isChangedRecord(r)) {
                String id = idx.id(r);
                if (id.contains(fragment)) {
                    out.add(id);
                }
            }
        }
        top.forEachCurrent((id, issue) -> {
            if (issue != null && id.contains(fragment)) {
                out.add(id);
            }
        });
        out.sort(IdOrder.COMPARATOR);
        return out;
    }

    @Override
    public int topLevelCount(String prefix) {
        String p = prefix + "-";
        String end = prefix + (char) ('-' + 1);
        int lo = idx.lowerBound(p);
        int hi = idx.lowerBound(end);
        int[] count = {(hi - lo) - (idx.hierarchicalBefore(hi) - idx.hierarchicalBefore(lo))};
        top.forEachCurrent((id, issue) -> {
            if (id.startsWith(p) && id.indexOf('.') < 0) {
                count[0] += (issue != null ? 1 : 0) - (idx.find(id) >= 0 ? 1 : 0);
            }
        });
        return count[0];
    }

    @Override
    public long maxCommentId() {
        long[] max = {idx.maxCommentId()};
        top.forEachCurrent((id, issue) -> {
            if (issue != null) {
                for (Comment c : issue.comments()) {
                    max[0] = Math.max(max[0], CommentIds.numeric(c));
                }
            }
        });
        return max[0];
    }

    @Override
    public int size() {
        int[] n = {idx.size()};
        top.forEachCurrent((id, issue) -> n[0] += (issue != null ? 1 : 0) - (idx.find(id) >= 0 ? 1 : 0));
        return n[0];
    }

    // ---- writes

    @Override
    public void put(Issue issue) {
        requireWritable();
        top.apply(issue.id(), issue, this);
        blockedMemo.clear();
    }

    @Override
    public void delete(String id) {
        requireWritable();
        top.apply(id, null, this);
        blockedMemo.clear();
    }

    private void requireWritable() {
        if (!writable) {
            throw new IllegalStateException("read-only view");
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i] != null) {
                try {
                    channels[i].close();
                } catch (IOException ignored) {
                    // read-only channel: nothing to lose
                }
                channels[i] = null;
            }
        }
    }

    /** A cursor over base records for scans: reads fields straight from the index. */
    private final class IndexRow implements IssueRow {
        private int record;
        private String id;

        void at(int r) {
            record = r;
            id = null;
        }

        @Override
        public String id() {
            if (id == null) {
                id = idx.id(record);
            }
            return id;
        }

        @Override
        public Status status() {
            return idx.status(record);
        }

        @Override
        public IssueType type() {
            return idx.type(record);
        }

        @Override
        public int priority() {
            return idx.priority(record);
        }

        @Override
        public long createdMicros() {
            return idx.createdMicros(record);
        }

        @Override
        public long updatedMicros() {
            return idx.updatedMicros(record);
        }

        @Override
        public long deferMicros() {
            return idx.deferMicros(record);
        }

        @Override
        public boolean pinned() {
            return (idx.flags(record) & IndexLayout.F_PINNED) != 0;
        }

        @Override
        public boolean ephemeral() {
            return (idx.flags(record) & IndexLayout.F_EPHEMERAL) != 0;
        }

        @Override
        public boolean template() {
            return (idx.flags(record) & IndexLayout.F_TEMPLATE) != 0;
        }

        @Override
        public String assignee() {
            return idx.assignee(record);
        }

        @Override
        public String molType() {
            return idx.molType(record);
        }

        @Override
        public List<String> labels() {
            return idx.labels(record);
        }

        @Override
        public IssueSummary summary() {
            return idx.summary(record);
        }
    }
}
