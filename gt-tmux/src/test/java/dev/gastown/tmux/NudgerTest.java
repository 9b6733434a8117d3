package dev.gastown.tmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NudgerTest {
    static final AgentPreset PRESET = new AgentPreset("fake", "sh", List.of(), true, List.of(), List.of(),
            List.of(), "❯ ", "esc to interrupt", 100, List.of(), java.util.Map.of(), List.of(), false);

    @TempDir
    Path dir;

    TestServer server;
    Path log;
    Nudger nudger;

    @BeforeEach
    void agent() throws Exception {
        server = new TestServer(dir);
        log = dir.resolve("received.log");
        server.sessions.start(TestServer.spec("gt-rig-a", dir, TestServer.fakeAgent(log)));
        nudger = new Nudger(server.sessions, dir.resolve("queues"));
        SessionsTest.waitFor(() -> Screen.idle(server.sessions.capture("gt-rig-a", 10), PRESET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> received() {
        return List.of(SessionsTest.readQuietly(log).split("\n")).stream().filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void textWithShellMetacharactersArrivesExactlyAndIsSubmittedOnce() {
        String text = "say \"hi\" 'there' `whoami` $(rm -rf /) ; echo done & | > /tmp/x";
        assertThat(nudger.nudge("gt-rig-a", PRESET, text, Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(5)))
                .isInstanceOf(NudgeOutcome.Delivered.class);
        SessionsTest.waitFor(() -> !received().isEmpty());
        assertThat(received()).containsExactly(text);
    }

    @Test
    void aTenKilobyteMessageArrivesWhole() {
        String big = "x".repeat(10_000) + " end";
        assertThat(nudger.nudge("gt-rig-a", PRESET, big, Nudger.Mode.IMMEDIATE, Duration.ZERO))
                .isInstanceOf(NudgeOutcome.Delivered.class);
        SessionsTest.waitFor(() -> !received().isEmpty());
        assertThat(received()).hasSize(1);
        assertThat(received().get(0).length()).isEqualTo(big.length());
        assertThat(received().get(0).equals(big)).as("the 10 KB message arrives unchanged").isTrue();
    }

    @Test
    void controlCharactersAreCleaned() {
        assertThat(NudgeText.clean("a\u001b[31mred\u0007\tb\r\nc")).isEqualTo("a[31mred b\nc");
    }

    @Test
    void aBusyAgentGetsMessagesQueuedInOrderAndDeliveredWhenIdle() throws Exception {
        nudger.nudge("gt-rig-a", PRESET, "busy 3", Nudger.Mode.IMMEDIATE, Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int sender = s;
            senders.add(pool.submit(() -> {
                for (int m = 0; m < 5; m++) {
                    NudgeOutcome o = nudger.nudge("gt-rig-a", PRESET, "s" + sender + "-m" + m, Nudger.Mode.WAIT_IDLE,
                            Duration.ZERO);
                    assertThat(o).isNotInstanceOf(NudgeOutcome.Failed.class);
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        pool.shutdown();
        assertThat(nudger.deliverQueued("gt-rig-a", PRESET, Duration.ofSeconds(60))).isEqualTo(20);
        SessionsTest.waitFor(() -> received().size() == 21);
        List<String> got = received().subList(1, 21);
        assertThat(got).doesNotHaveDuplicates().hasSize(20);
        for (int s = 0; s < 4; s++) {
            String prefix = "s" + s + "-";
            assertThat(got.stream().filter(x -> x.startsWith(prefix)).toList())
                    .containsExactly(prefix + "m0", prefix + "m1", prefix + "m2", prefix + "m3", prefix + "m4");
        }
        assertThat(Files.list(dir.resolve("queues").resolve("gt-rig-a")).filter(p -> p.toString()
                .endsWith(".nudge"))).isEmpty();
    }

    @Test
    void nudgingADeadSessionFails() {
        assertThat(nudger.nudge("gt-rig-none", PRESET, "hello", Nudger.Mode.WAIT_IDLE, Duration.ZERO))
                .isInstanceOf(NudgeOutcome.Failed.class);
    }
}
