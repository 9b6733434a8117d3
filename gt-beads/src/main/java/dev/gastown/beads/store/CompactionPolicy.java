package dev.gastown.beads.store;

/**
 * When committed changes are folded into the JSONL files instead of the journal. Small stores compact on every
 * commit, so {@code issues.jsonl} is always current; larger ones let the journal absorb commits and compact once it
 * is full, so a commit costs the same at a thousand issues or a hundred thousand. {@code bd flush}, the pre-commit
 * hook, {@code bd sync} and {@code bd export} fold the journal in on demand.
 *
 * @param inlineBytes compact on every commit while each JSONL file with changes is at most this big
 * @param maxJournalOps compact when the journal would hold more changes than this
 * @param maxJournalBytes compact when the journal would be bigger than this
 * @param directOps a transaction with at least this many changes skips the journal
 */
public record CompactionPolicy(long inlineBytes, int maxJournalOps, long maxJournalBytes, int directOps) {
    /**
     * Stores up to 256 KiB (a few hundred issues) rewrite their JSONL on every commit. Above that, a commit is one
     * fsync'd journal append, and the journal is folded in after 256 changes or 512 KiB: every command replays the
     * journal, so its bound is also the bound on that cost.
     */
    public static final CompactionPolicy DEFAULT = new CompactionPolicy(256L << 10, 256, 512L << 10, 1024);

    boolean compactNow(long largestChangedFile, int journalOpsAfter, long journalBytesAfter, int transactionOps) {
        return largestChangedFile <= inlineBytes
                || journalOpsAfter > maxJournalOps
                || journalBytesAfter > maxJournalBytes
                || transactionOps >= directOps;
    }
}
