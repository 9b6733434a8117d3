package dev.gastown.beads.store;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Issue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code .beads} store: {@code issues.jsonl} (the git-tracked truth), {@code wisps.jsonl}, the journal of
 * changes not yet folded into them, and the index over both. Every read runs under a shared lock and every write
 * under an exclusive one, across threads and processes.
 *
 * <p>A commit either rewrites the affected JSONL files at once (always, for small stores) or appends to the journal
 * (fsync'd before the commit returns) and compacts later; either way the change is durable when {@link #write}
 * returns. What a process loaded stays valid for its next call as long as nobody else wrote in between, which three
 * {@code stat} calls establish.
 */
public final class Store {
    private final BeadsDir dir;
    private final StoreLock lock;
    private volatile CompactionPolicy policy = CompactionPolicy.DEFAULT;
    private Loaded loaded;

    /** What was read from disk, valid while the files keep the identities recorded here. */
    private static final class Loaded {
        final BaseIdentity base;
        final IndexFile index;
        final Overlay journal;
        /** The journal was written against other JSONL files (git pull): newer updated_at wins, and compact soon. */
        final boolean lastWriterWins;
        long journalBytes;
        int journalOps;
        FileIdentity journalFile;
        final boolean[] journalPartitions;

        Loaded(BaseIdentity base, IndexFile index, Overlay journal, boolean lastWriterWins, long journalBytes,
                int journalOps, FileIdentity journalFile, boolean[] journalPartitions) {
            this.base = base;
            this.index = index;
            this.journal = journal;
            this.lastWriterWins = lastWriterWins;
            this.journalBytes = journalBytes;
            this.journalOps = journalOps;
            this.journalFile = journalFile;
            this.journalPartitions = journalPartitions;
        }
    }

    private Store(BeadsDir dir) {
        this.dir = dir;
        this.lock = StoreLock.of(dir.lockFile());
    }

    /** Opens the store in an existing {@code .beads} directory. */
    public static Store open(BeadsDir dir) {
        if (!Files.isDirectory(dir.path())) {
            throw new StoreException("no beads store at " + dir.path() + " (run bd init)");
        }
        return new Store(dir);
    }

    public BeadsDir dir() {
        return dir;
    }

    public CompactionPolicy policy() {
        return policy;
    }

    public void policy(CompactionPolicy policy) {
        this.policy = policy;
    }

    /** Runs {@code fn} on a consistent view of the store. The view must not escape the call. */
    public <T> T read(Function<StoreView, T> fn) {
        try (StoreLock.Held held = lock.shared()) {
            Loaded l = current(false);
            if (l != null) {
                try (View v = new View(dir, l.index, l.journal, false)) {
                    return fn.apply(v);
                }
            }
        }
        // The index is missing or stale; rebuilding it needs the exclusive lock.
        try (StoreLock.Held held = lock.exclusive()) {
            Loaded l = current(true);
            try (View v = new View(dir, l.index, l.journal, false)) {
                return fn.apply(v);
            }
        }
    }

    /**
     * Runs {@code fn} in a transaction and commits what it changed, durably, before returning. If {@code fn}
     * throws, nothing is written.
     */
    public <T> T write(Function<StoreTransaction, T> fn) {
        try (StoreLock.Held held = lock.exclusive()) {
            Loaded l = current(true);
            try (View v = new View(dir, l.index, l.journal, true)) {
                T result = fn.apply(v);
                if (v.pending().size() > 0) {
                    commit(l, v);
                }
                return result;
            }
        }
    }

    /**
     * Inserts new issues without going through the journal, for molecules of up to millions of steps: {@code issues}
     * are produced lazily, in id order, all of one partition, and none may exist. Runs {@code prepare} first under
     * the same lock (to choose the ids against the current store). All or nothing: on any failure, including an
     * existing id found mid-stream, nothing is written.
     */
    public <T> T bulkInsert(Partition partition, Function<StoreView, BulkInsert<T>> prepare) {
        try (StoreLock.Held held = lock.exclusive()) {
            Loaded l = current(true);
            try (View v = new View(dir, l.index, l.journal, true)) {
                BulkInsert<T> plan = prepare.apply(v);
                Compactor.compact(dir, v, partition, plan.issues(), java.util.Set.of());
                return plan.result();
            } finally {
                forget();
            }
        }
    }

    /**
     * Removes many issues at once without tombstones (wisps), by rewriting the files without them rather than
     * journaling a million deletions. {@code choose} picks the ids under the exclusive lock.
     */
    public java.util.Set<String> bulkDelete(Function<StoreView, java.util.Set<String>> choose) {
        try (StoreLock.Held held = lock.exclusive()) {
            Loaded l = current(true);
            try (View v = new View(dir, l.index, l.journal, true)) {
                java.util.Set<String> ids = choose.apply(v);
                for (String id : ids) {
                    if (v.pending().isChanged(id)) {
                        v.delete(id);
                    }
                }
                Compactor.compact(dir, v, null, java.util.Collections.emptyIterator(), ids);
                return ids;
            } finally {
                forget();
            }
        }
    }

    /** New issues in id order, and what to return once they are written. */
    public record BulkInsert<T>(java.util.Iterator<Issue> issues, T result) {
    }

    /** Folds the journal into the JSONL files now (before a git commit, {@code bd sync}, {@code bd export}). */
    public void compact() {
        try (StoreLock.Held held = lock.exclusive()) {
            compactLocked(current(true));
        }
    }

    private void compactLocked(Loaded l) {
        if (l.journal.isEmpty() && !l.lastWriterWins && !Files.exists(dir.journal())) {
            return;
        }
        try (View v = new View(dir, l.index, l.journal, true)) {
            Compactor.compact(dir, v);
        } finally {
            forget();
        }
    }

    /**
     * Writes the canonical {@code issues.jsonl} (journal folded in, wisps left out) to {@code out}, under the
     * exclusive lock so that no commit lands between the fold and the copy.
     */
    public void exportJsonl(java.io.OutputStream out) {
        try (StoreLock.Held held = lock.exclusive()) {
            compactLocked(current(true));
            if (Files.exists(dir.issuesJsonl())) {
                Files.copy(dir.issuesJsonl(), out);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot export " + dir.issuesJsonl(), e);
        }
    }

    /** How the store's working files stand, for {@code bd doctor}; loads nothing. */
    public record Health(boolean indexCurrent, int journalFrames, int journalChanges, boolean journalTornTail,
            boolean journalAgainstOtherFiles) {
    }

    public Health health() {
        try (StoreLock.Held held = lock.shared()) {
            BaseIdentity base = BaseIdentity.of(dir);
            IndexFile index = IndexFile.open(dir.index());
            Journal.Contents j = Journal.read(dir.journal());
            return new Health(index != null && index.base().equals(base), j.frames(), j.ops().size(),
                    j.hasTornTail(), j.base() != null && !j.base().equals(base));
        }
    }

    /** Throws away the index and builds it again from the JSONL files. */
    public void rebuildIndex() {
        try (StoreLock.Held held = lock.exclusive()) {
            forget();
            IndexRebuilder.rebuild(dir);
        }
    }

    /** Changes committed to the journal and not yet in the JSONL files. */
    public int pendingChanges() {
        return read(v -> {
            synchronized (this) {
                return loaded == null ? 0 : loaded.journalOps;
            }
        });
    }

    private synchronized void forget() {
        loaded = null;
    }

    private synchronized Loaded current(boolean exclusive) {
        BaseIdentity base = BaseIdentity.of(dir);
        FileIdentity journalFile = FileIdentity.of(dir.journal());
        Loaded l = loaded;
        if (l != null && l.base.equals(base) && l.journalFile.equals(journalFile)) {
            return l;
        }
        IndexFile index = l != null && l.base.equals(base) ? l.index : IndexFile.open(dir.index());
        if (index == null || !index.base().equals(base)) {
            if (!exclusive) {
                return null;
            }
            IndexRebuilder.rebuild(dir);
            base = BaseIdentity.of(dir);
            index = IndexFile.open(dir.index());
            if (index == null || !index.base().equals(base)) {
                throw new StoreException("the JSONL files in " + dir.path() + " kept changing while the index was "
                        + "rebuilt; run the command again");
            }
        }
        Journal.Contents journal = Journal.read(dir.journal());
        boolean lww = journal.base() != null && !journal.base().equals(base);
        Overlay overlay = new Overlay(index, null);
        boolean[] partitions = new boolean[Partition.values().length];
        try (View replay = new View(dir, index, overlay, false)) {
            for (JournalOp op : journal.ops()) {
                Issue next = op instanceof JournalOp.Put put ? put.issue() : null;
                if (lww && next != null && !supersedes(next, replay.summary(op.id()))) {
                    continue;
                }
                markPartitions(partitions, index, op.id(), next);
                overlay.apply(op.id(), next, replay);
            }
        }
        loaded = new Loaded(base, index, overlay, lww, journal.intactBytes(), journal.ops().size(), journalFile,
                partitions);
        return loaded;
    }

    /** Import's rule: a change wins when it is newer, and nothing resurrects a tombstone. */
    private static boolean supersedes(Issue next, IssueSummary current) {
        if (current == null) {
            return true;
        }
        if (current.status().equals(dev.gastown.beads.model.Status.TOMBSTONE)
                && !next.status().equals(dev.gastown.beads.model.Status.TOMBSTONE)) {
            return false;
        }
        return next.updatedAt().epochMicros() > current.updatedMicros();
    }

    private static void markPartitions(boolean[] partitions, IndexFile index, String id, Issue next) {
        int r = index.find(id);
        if (r >= 0) {
            partitions[index.partition(r).ordinal()] = true;
        }
        if (next != null) {
            partitions[Partition.of(next).ordinal()] = true;
        }
    }

    private void commit(Loaded l, View v) {
        Map<String, Issue> changes = v.pending().changes();
        List<JournalOp> ops = new ArrayList<>(changes.size());
        boolean[] partitions = l.journalPartitions.clone();
        changes.forEach((id, issue) -> {
            ops.add(issue == null ? new JournalOp.Delete(id) : new JournalOp.Put(issue));
            markPartitions(partitions, l.index, id, issue);
        });
        long largest = 0;
        for (Partition p : Partition.values()) {
            if (partitions[p.ordinal()]) {
                FileIdentity f = p == Partition.ISSUES ? l.base.issues() : l.base.wisps();
                largest = Math.max(largest, Math.max(f.size(), 0));
            }
        }
        CompactionPolicy p = policy;
        boolean direct = l.lastWriterWins || ops.size() >= p.directOps() || largest <= p.inlineBytes();
        byte[] payload = direct ? null : Journal.encodePayload(ops);
        try {
            if (direct || p.compactNow(largest, l.journalOps + ops.size(), l.journalBytes + payload.length,
                    ops.size())) {
                Compactor.compact(dir, v);
                forget();
                return;
            }
            long size = Journal.append(dir.journal(), l.journalBytes, l.base, payload);
            v.pending().mergeInto(l.journal, v);
            synchronized (this) {
                l.journalBytes = size;
                l.journalOps += ops.size();
                l.journalFile = FileIdentity.of(dir.journal());
                System.arraycopy(partitions, 0, l.journalPartitions, 0, partitions.length);
            }
        } catch (RuntimeException | Error e) {
            forget();
            throw e;
        }
    }
}
