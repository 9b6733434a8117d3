package dev.gastown.beads.store;

/**
 * When committed changes are folded into the JSONL files instead of the journal. Small stores compact on every
 * commit, so {@code issues.jsonl} is always current; larger ones let the journal absorb commits and compact once it
 * is full, so a commit costs the same at a thousand issues or a hundred thousand. {@code bd flush}, the pre-commit
 * hook, {@code bd sync} and {@code bd export} fold the journal in on demand.
 *
 * @param inlineBytes compact on every commit while each JSONL file with changes is at most this big
 * @param maxJournalOps compact when the journal would hold more changes than this; 0 scales it with the store
 *     ({@link #adaptiveJournalOps})
 * @param maxJournalBytes compact when the journal would be bigger than this
 * @param directOps a transaction with at least this many changes skips the journal
 */
public record CompactionPolicy(long inlineBytes, int maxJournalOps, long maxJournalBytes, int directOps) {
    /**
     * Stores up to 256 KiB (a few hundred issues) rewrite their JSONL on every commit. Above that, a commit is one
     * fsync'd journal append, and the journal is folded in after {@link #adaptiveJournalOps} changes or 512 KiB:
     * every command replays the journal, so its bound is also the bound on that cost.
     */
    public static final CompactionPolicy DEFAULT = new CompactionPolicy(256L << 10, 0, 512L << 10, 1024);

    /**
     * For one long-running process making a stream of small commits (bd close --stdin): the journal may hold 200,000
     * changes or 256 MiB before it is folded in, because folding rewrites every JSONL byte and, on a million-step
     * wisp, costs seconds. The process folds the rest in when it ends.
     */
    public static final CompactionPolicy STREAMING = new CompactionPolicy(256L << 10, 200_000, 256L << 20, 1024);

    /**
     * Every command replays the journal (cost growing with its length) and a fold rewrites the store (cost growing
     * with its size), so the amortized cost per commit is least when the journal's bound grows with the square root
     * of the store: 64 changes for a 768 KiB file (measured best on a 1,025-step molecule, 12 ms per close better
     * than 256), between 32 and 1,024.
     */
    static int adaptiveJournalOps(long storeBytes) {
        double scaled = 64 * Math.sqrt(Math.max(storeBytes, 1) / (768.0 * 1024));
        return (int) Math.max(32, Math.min(1024, scaled));
    }

    boolean compactNow(long largestChangedFile, int journalOpsAfter, long journalBytesAfter, int transactionOps) {
        int opsLimit = maxJournalOps > 0 ? maxJournalOps : adaptiveJournalOps(largestChangedFile);
        return largestChangedFile <= inlineBytes
                || journalOpsAfter > opsLimit
                || journalBytesAfter > maxJournalBytes
                || transactionOps >= directOps;
    }
}
