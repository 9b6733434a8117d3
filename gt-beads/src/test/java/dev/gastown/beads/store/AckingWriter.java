package dev.gastown.beads.store;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.nio.file.Path;

/**
 * Test driver run as its own process: commits one new issue per transaction, forever, and prints {@code ACK n}
 * after each commit returns. Every third transaction also closes the previous issue, so commits touch two lines.
 * Args: BEADS_DIR FIRST_NUMBER INLINE_MAX_BYTES JOURNAL_MAX_CHANGES
 */
public final class AckingWriter {
    private AckingWriter() {
    }

    public static void main(String[] args) {
        Store store = Store.open(new BeadsDir(Path.of(args[0])));
        store.policy(new CompactionPolicy(Long.parseLong(args[2]), Integer.parseInt(args[3]), 1L << 30, 1 << 20));
        for (int n = Integer.parseInt(args[1]); ; n++) {
            int k = n;
            store.write(tx -> {
                Timestamp now = Timestamp.now();
                tx.put(Issue.builder().id(id(k)).title("Write number " + k).issueType(IssueType.TASK).priority(2)
                        .description("x".repeat(200)).createdAt(now).updatedAt(now).build());
                if (k % 3 == 2 && tx.contains(id(k - 1))) {
                    tx.put(tx.get(id(k - 1)).toBuilder().status(Status.CLOSED).closedAt(now).updatedAt(now).build());
                }
                return null;
            });
            System.out.println("ACK " + k);
            System.out.flush();
        }
    }

    static String id(int n) {
        return "kill-" + String.format("%06d", n);
    }
}
