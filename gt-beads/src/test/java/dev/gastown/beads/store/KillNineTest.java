package dev.gastown.beads.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A writer process is killed with SIGKILL at random moments, again and again. After each kill the store must open,
 * every line must read, and it must hold exactly the acknowledged writes or one more (the commit in flight landed
 * before its acknowledgement was printed): the previous or the next state, never anything between.
 */
class KillNineTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rewrite the JSONL on every commit, 1000000000, 512",
        "journal (compact every 9 changes), -1, 9"
    })
    void killedWritersLeaveThePreviousOrTheNextState(String mode, long inlineBytes, int journalChanges)
            throws Exception {
        Path beads = dir.resolve(".beads");
        Files.createDirectories(beads);
        Files.writeString(beads.resolve("issues.jsonl"), "");
        Random rnd = new Random(42);
        int[] outcomes = new int[2]; // [previous, next]
        int next = 0;
        for (int round = 0; round < 12; round++) {
            Process p = JavaProcess.start(dir, AckingWriter.class, beads.toString(), Integer.toString(next),
                    Long.toString(inlineBytes), Integer.toString(journalChanges));
            AtomicInteger acked = new AtomicInteger(next - 1);
            Thread reader = new Thread(() -> readAcks(p, acked));
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int target = next + 3 + rnd.nextInt(25);
            while (acked.get() < target && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(1);
            }
            Thread.sleep(rnd.nextInt(4));
            p.destroyForcibly(); // SIGKILL on Unix
            p.waitFor(10, TimeUnit.SECONDS);
            // every ACK the writer printed is in the pipe; read them all before counting (a loaded machine can take
            // a while, and a stale count would look like a write nobody acknowledged)
            reader.join(60_000);
            assertThat(reader.isAlive()).as("the ACK reader reached the end of the killed writer's output").isFalse();
            assertThat(acked.get()).as("writer made progress in round %d", round).isGreaterThanOrEqualTo(next);
            int present = countWrites(beads);
            assertThat(present).as("round %d: acknowledged %d", round, acked.get() + 1)
                    .isBetween(acked.get() + 1, acked.get() + 2);
            outcomes[present == acked.get() + 1 ? 0 : 1]++;
            next = present;
        }
        assertThat(outcomes[0] + outcomes[1]).isEqualTo(12);
        System.out.printf("%s: previous state %d times, next state %d times%n", mode, outcomes[0], outcomes[1]);
    }

    private static void readAcks(Process p, AtomicInteger acked) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.set(Integer.parseInt(line.substring(4)));
                }
            }
        } catch (java.io.IOException ignored) {
            // the process was killed
        }
    }

    /** Opens the store as a fresh process would and checks it whole: ids contiguous from 0, closes consistent. */
    private static int countWrites(Path beads) {
        Store store = Store.open(new BeadsDir(beads));
        return store.read((StoreView v) -> {
            List<String> ids = new ArrayList<>();
            v.forEachIssue((IssueRow r) -> ids.add(r.id()));
            ids.sort(IdOrder.COMPARATOR);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).isEqualTo(AckingWriter.id(i));
                var issue = v.get(ids.get(i));
                assertThat(issue.title()).isEqualTo("Write number " + i);
                if (issue.status().equals(Status.CLOSED)) {
                    assertThat(i % 3).isEqualTo(1);
                }
            }
            return ids.size();
        });
    }
}
