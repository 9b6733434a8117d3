package dev.gastown.beads.store;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Issue;
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
import java.util.Iterator;
import java.util.List;

/**
 * Folds every uncompacted change (journal and transaction) into the JSONL files and rebuilds the index, without
 * parsing the lines that did not change: their bytes are copied in runs. Files are written and fsync'd under temp
 * names, renamed over in the order issues, wisps, index, made durable by one directory sync, and only then is the
 * journal removed. A crash at any point leaves a readable store: a stale index is rebuilt from the JSONL, and
 * journal changes already in the JSONL apply again as no-ops.
 */
final class Compactor {
    private Compactor() {
    }

    static void compact(BeadsDir dir, View view) {
        compact(dir, view, null, java.util.Collections.emptyIterator(), java.util.Set.of());
    }

    /**
     * Compacts and also writes {@code extra}: new issues of partition {@code extraPartition}, in id order, none of
     * which may exist yet. They are encoded as they are produced, so a million of them never sit in memory at once.
     * Issues in {@code dropped} are left out (removed without tombstones, as wisps are).
     */
    static void compact(BeadsDir dir, View view, Partition extraPartition, Iterator<Issue> extra,
            java.util.Set<String> dropped) {
        IndexFile idx = view.index();
        Overlay changes = view.pending();
        Partition[] partitions = Partition.values();
        boolean[] touched = new boolean[partitions.length];
        List<List<Issue>> added = new ArrayList<>();
        for (Partition p : partitions) {
            added.add(new ArrayList<>());
        }
        changes.forEachCurrent((id, issue) -> {
            int r = idx.find(id);
            if (r >= 0) {
                touched[idx.partition(r).ordinal()] = true;
            }
            if (issue != null) {
                Partition p = Partition.of(issue);
                touched[p.ordinal()] = true;
                added.get(p.ordinal()).add(issue);
            }
        });
        added.forEach(l -> l.sort((a, b) -> IdOrder.compare(a.id(), b.id())));
        List<Iterator<Issue>> incoming = new ArrayList<>();
        for (Partition p : partitions) {
            Iterator<Issue> own = added.get(p.ordinal()).iterator();
            incoming.add(p == extraPartition ? new SortedMerge(own, new FreshIds(extra, view)) : own);
        }
        if (extraPartition != null) {
            touched[extraPartition.ordinal()] = true;
        }
        for (String id : dropped) {
            int r = idx.find(id);
            if (r >= 0) {
                touched[idx.partition(r).ordinal()] = true;
            }
        }
        long maxComment = view.maxCommentId();

        List<IndexedIssue> out = new ArrayList<>(idx.size() + added.get(0).size() + added.get(1).size());
        PartitionWriter[] writers = new PartitionWriter[partitions.length];
        Issue[] pending = new Issue[partitions.length]; // the next new issue of each partition, not yet written
        try {
            for (Partition p : partitions) {
                if (touched[p.ordinal()]) {
                    writers[p.ordinal()] = new PartitionWriter(p, p.file(dir), idx);
                }
            }
            for (int r = 0; r < idx.size(); r++) {
                if (changes.isChangedRecord(r)) {
                    continue;
                }
                Partition p = idx.partition(r);
                if (!dropped.isEmpty() && dropped.contains(idx.id(r))) {
                    continue;
                }
                PartitionWriter w = writers[p.ordinal()];
                if (w == null) {
                    out.add(new IndexedIssue(idx.summary(r), p, idx.lineOffset(r), idx.lineLength(r)));
                    continue;
                }
                int k = p.ordinal();
                Iterator<Issue> news = incoming.get(k);
                if (pending[k] == null && news.hasNext()) {
                    pending[k] = news.next();
                }
                if (pending[k] != null) {
                    String id = idx.id(r);
                    while (pending[k] != null && IdOrder.compare(pending[k].id(), id) < 0) {
                        w.writeNew(pending[k], out);
                        pending[k] = news.hasNext() ? news.next() : null;
                    }
                }
                w.copy(r, out);
            }
            for (Partition p : partitions) {
                PartitionWriter w = writers[p.ordinal()];
                if (w != null) {
                    int k = p.ordinal();
                    if (pending[k] != null) {
                        w.writeNew(pending[k], out);
                    }
                    Iterator<Issue> news = incoming.get(k);
                    while (news.hasNext()) {
                        w.writeNew(news.next(), out);
                    }
                    w.finish();
                }
            }
            for (PartitionWriter w : writers) {
                if (w != null) {
                    w.commit();
                }
            }
        } catch (IOException | RuntimeException e) {
            for (PartitionWriter w : writers) {
                if (w != null) {
                    w.abandon();
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot compact " + dir.path(), io);
            }
            throw (RuntimeException) e;
        }
        IndexWriter.write(dir.index(), out, BaseIdentity.of(dir), maxComment);
        Fsync.directory(dir.path()); // one sync makes every rename above durable
        Journal.clear(dir.journal());
    }

    /** Two id-ordered streams of new issues as one; the same id in both is a bug in the caller. */
    private static final class SortedMerge implements Iterator<Issue> {
        private final Iterator<Issue> a;
        private final Iterator<Issue> b;
        private Issue nextA;
        private Issue nextB;

        SortedMerge(Iterator<Issue> a, Iterator<Issue> b) {
            this.a = a;
            this.b = b;
            nextA = a.hasNext() ? a.next() : null;
            nextB = b.hasNext() ? b.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextA != null || nextB != null;
        }

        @Override
        public Issue next() {
            if (nextA == null || nextB != null && IdOrder.compare(nextB.id(), nextA.id()) < 0) {
                Issue out = nextB;
                nextB = b.hasNext() ? b.next() : null;
                return out;
            }
            if (nextB != null && nextB.id().equals(nextA.id())) {
                throw new StoreException("issue " + nextA.id() + " written twice in one commit");
            }
            Issue out = nextA;
            nextA = a.hasNext() ? a.next() : null;
            return out;
        }
    }

    /** Passes bulk-inserted issues through, refusing one whose id already exists or that is out of id order. */
    private static final class FreshIds implements Iterator<Issue> {
        private final Iterator<Issue> in;
        private final View view;
        private String last;

        FreshIds(Iterator<Issue> in, View view) {
            this.in = in;
            this.view = view;
        }

        @Override
        public boolean hasNext() {
            return in.hasNext();
        }

        @Override
        public Issue next() {
            Issue i = in.next();
            if (last != null && IdOrder.compare(last, i.id()) >= 0) {
                throw new IllegalArgumentException("bulk insert out of id order at " + i.id());
            }
            if (view.contains(i.id())) {
                throw new StoreException("cannot insert " + i.id() + ": an issue with that id exists");
            }
            last = i.id();
            return i;
        }
    }

    /** Writes one partition's new file: unchanged lines copied in runs, changed ones encoded. */
    private static final class PartitionWriter {
        private final Partition partition;
        private final Path target;
        private final Path temp;
        private final IndexFile idx;
        private final FileChannel out;
        private FileChannel in;
        private long pos;
        private int lines;
        private long runStart = -1;
        private long runEnd;
        private long runOut;

        PartitionWriter(Partition partition, Path target, IndexFile idx) throws IOException {
            this.partition = partition;
            this.target = target;
            this.temp = Fsync.tempFor(target);
            this.idx = idx;
            this.out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        void copy(int r, List<IndexedIssue> index) throws IOException {
            long off = idx.lineOffset(r);
            int len = idx.lineLength(r);
            if (runStart >= 0 && off == runEnd + 1) {
                runEnd = off + len;
            } else {
                flushRun();
                runStart = off;
                runEnd = off + len;
                runOut = pos;
            }
            index.add(new IndexedIssue(idx.summary(r), partition, runOut + (off - runStart), len));
            lines++;
        }

        void writeNew(Issue issue, List<IndexedIssue> index) throws IOException {
            flushRun();
            byte[] line = (IssueCodec.toLine(issue) + "\n").getBytes(StandardCharsets.UTF_8);
            write(ByteBuffer.wrap(line));
            index.add(new IndexedIssue(IssueSummary.of(issue), partition, pos, line.length - 1));
            pos += line.length;
            lines++;
        }

        private void flushRun() throws IOException {
            if (runStart < 0) {
                return;
            }
            if (in == null) {
                in = FileChannel.open(target, StandardOpenOption.READ);
            }
            long count = runEnd - runStart;
            long done = 0;
            while (done < count) {
                long k = in.transferTo(runStart + done, count - done, out);
                if (k <= 0) {
                    throw new IOException(target + " is shorter than its index says; it changed underneath");
                }
                done += k;
            }
            pos += count;
            write(ByteBuffer.wrap(new byte[] {'\n'}));
            pos++;
            runStart = -1;
        }

        private void write(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                out.write(b);
            }
        }

        void finish() throws IOException {
            flushRun();
            out.force(true);
            out.close();
            if (in != null) {
                in.close();
            }
            if (Files.size(temp) != pos) {
                throw new IOException("short write of " + temp);
            }
        }

        void commit() throws IOException {
            if (lines == 0 && partition == Partition.WISPS) {
                Files.delete(temp);
                try {
                    Files.delete(target);
                } catch (NoSuchFileException ignored) {
                    // already gone
                }
                return;
            }
            Fsync.rename(temp, target);
        }

        void abandon() {
            try {
                out.close();
                if (in != null) {
                    in.close();
                }
            } catch (IOException ignored) {
                // cleaning up after a failure already being reported
            }
            Fsync.deleteQuietly(temp);
        }
    }
}
