package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty concurrent gt nudge processes at one busy scripted agent: each message arrives once, whole, in order. */
class NudgeIT {
    @TempDir
    Path tmp;

    @Test
    void twentyConcurrentNudgesAtABusyAgentArriveOnceWholeAndInOrderPerSender() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            String bead = t.bd(t.town.root()).create("Think for a while",
                    "-d", "```sh\nsleep 8\n```");
            t.gt.ok("sling", bead, "mayor/", "--naked");
            t.gt.ok("mayor", "start");
            LiveTown.waitFor("the mayor to start its work", Duration.ofSeconds(60),
                    () -> t.gt.run("peek", "mayor/").out().contains("sleep 8"));
            List<String> senders = List.of("deacon/", "mayor/", "overseer", "deacon/boot");
            ExecutorService pool = Executors.newFixedThreadPool(senders.size());
            List<Future<List<Integer>>> runs = new ArrayList<>();
            for (String sender : senders) {
                runs.add(pool.submit(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (int m = 0; m < 5; m++) {
                        Process p = t.gtProcess(Map.of("GT_ROLE", sender), "nudge", "mayor/", "--wait", "2",
                                "-m", "msg " + m + " with 'quotes' $(echo no) ; and a\nsecond line");
                        p.getInputStream().readAllBytes();
                        codes.add(p.waitFor());
                    }
                    return codes;
                }));
            }
            for (Future<List<Integer>> f : runs) {
                assertThat(f.get()).containsOnly(0);
            }
            pool.shutdown();
            LiveTown.waitFor("all 20 messages to reach the agent", Duration.ofSeconds(90),
                    () -> received(t).size() >= 20);
            List<String> got = received(t);
            assertThat(got).hasSize(20).doesNotHaveDuplicates();
            for (String sender : senders) {
                String prefix = "[from " + sender + "] ";
                assertThat(got.stream().filter(x -> x.startsWith(prefix)).toList()).containsExactly(
                        expected(prefix, 0), expected(prefix, 1), expected(prefix, 2), expected(prefix, 3),
                        expected(prefix, 4));
            }
        }
    }

    private static String expected(String prefix, int m) {
        return prefix + "msg " + m + " with 'quotes' $(echo no) ; and a\nsecond line";
    }

    private static List<String> received(LiveTown t) {
        try {
            return t.transcripts().stream().filter(e -> e.string("kind").equals("typed")
                    || e.string("kind").equals("queued")).map(e -> e.string("text"))
                    .filter(x -> x.startsWith("[from ")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
