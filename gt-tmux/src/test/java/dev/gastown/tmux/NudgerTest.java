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
    /** Like gemini, amp or opencode: nothing on screen says "waiting for input". */
    static final AgentPreset PROMPTLESS = new AgentPreset("quiet", "sh", List.of(), false, List.of(), List.of(),
            List.of(), "", "", 100, List.of(), java.util.Map.of(), List.of(), false);

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
        SessionsTest.waitFor(() -> idleAtItsPrompt("gt-rig-a"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Four threads each send PREFIX sS-mM (M from 0 to 4) in wait-idle mode; none of the twenty may fail. */
    private void fourSendersOfFive(String session, String prefix, Duration idleWait) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int sender = s;
            senders.add(pool.submit(() -> {
                for (int m = 0; m < 5; m++) {
                    NudgeOutcome o = nudger.nudge(session, PRESET, prefix + "s" + sender + "-m" + m,
                            Nudger.Mode.WAIT_IDLE, idleWait);
                    assertThat(o).isNotInstanceOf(NudgeOutcome.Failed.class);
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        pool.shutdown();
    }

    private boolean idleAtItsPrompt(String session) {
        return Screen.idle(server.sessions.capture(session, 10), Duration.ZERO, PRESET);
    }

    private List<String> received() {
        return received(log);
    }

    private static List<String> received(Path log) {
        return List.of(SessionsTest.readQuietly(log).split("\n")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private List<String> waiting(String session) throws Exception {
        Path q = dir.resolve("queues").resolve(session);
        if (!Files.isDirectory(q)) {
            return List.of();
        }
        try (var files = Files.list(q)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
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
    void aBusyAgentGetsMessagesQueuedAndDeliveredInOrderWhenIdle() throws Exception {
        nudger.nudge("gt-rig-a", PRESET, "busy 3", Nudger.Mode.IMMEDIATE, Duration.ZERO);
        fourSendersOfFive("gt-rig-a", "", Duration.ZERO);
        // senders that found the agent idle typed the queue before their own message; the rest is typed now
        nudger.deliverQueued("gt-rig-a", PRESET, Duration.ofSeconds(60));
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
    void whenTheAgentIsIdleAgainTheQueueIsTypedFirstThenTheNewMessage() throws Exception {
        nudger.nudge("gt-rig-a", PRESET, "busy 2", Nudger.Mode.IMMEDIATE, Duration.ZERO);
        assertThat(nudger.nudge("gt-rig-a", PRESET, "first", Nudger.Mode.WAIT_IDLE, Duration.ZERO))
                .isInstanceOf(NudgeOutcome.Queued.class);
        SessionsTest.waitFor(() -> idleAtItsPrompt("gt-rig-a"));
        assertThat(waiting("gt-rig-a")).hasSize(1);

        NudgeOutcome second = nudger.nudge("gt-rig-a", PRESET, "second", Nudger.Mode.WAIT_IDLE,
                Duration.ofSeconds(10));
        assertThat(second).isInstanceOf(NudgeOutcome.Delivered.class);
        assertThat(((NudgeOutcome.Delivered) second).fromQueue()).isEqualTo(1);
        SessionsTest.waitFor(() -> received().size() == 3);
        assertThat(received()).containsExactly("busy 2", "first", "second");
        assertThat(waiting("gt-rig-a")).isEmpty();
    }

    @Test
    void theAgentsOwnDrainNeverOvertakesAQueuedMessageBeingDelivered() throws Exception {
        Path got = dir.resolve("b.log");
        server.sessions.start(TestServer.spec("gt-rig-b", dir, TestServer.drainingAgent(got,
                nudger.queue("gt-rig-b").dir())));
        SessionsTest.waitFor(() -> idleAtItsPrompt("gt-rig-b"));
        for (String m : List.of("busy 1 a1", "busy 1 a2", "busy 1 a3")) {
            nudger.nudge("gt-rig-b", PRESET, m, Nudger.Mode.QUEUE, Duration.ZERO);
        }
        // a1 is typed; a1's turn ends with the agent taking a2 and a3 itself
        assertThat(nudger.deliverQueued("gt-rig-b", PRESET, Duration.ofSeconds(30))).isBetween(1, 3);
        SessionsTest.waitFor(() -> received(got).size() == 3);
        assertThat(received(got)).containsExactly("busy 1 a1", "busy 1 a2", "busy 1 a3");
        assertThat(waiting("gt-rig-b")).isEmpty();
    }

    @Test
    void sendersRacingTheAgentsOwnDrainKeepEachSendersOrderAndDeliverEachMessageOnce() throws Exception {
        Path got = dir.resolve("b.log");
        server.sessions.start(TestServer.spec("gt-rig-b", dir, TestServer.drainingAgent(got,
                nudger.queue("gt-rig-b").dir())));
        SessionsTest.waitFor(() -> idleAtItsPrompt("gt-rig-b"));
        nudger.nudge("gt-rig-b", PRESET, "busy 2", Nudger.Mode.IMMEDIATE, Duration.ZERO);
        fourSendersOfFive("gt-rig-b", "busy 0.2 ", Duration.ofMillis(500));
        // whatever was queued after the agent's last look at its queue
        nudger.deliverQueued("gt-rig-b", PRESET, Duration.ofSeconds(30));
        SessionsTest.waitFor(() -> received(got).size() >= 21);
        List<String> all = received(got);
        assertThat(all).hasSize(21).doesNotHaveDuplicates();
        for (int s = 0; s < 4; s++) {
            String prefix = "busy 0.2 s" + s + "-";
            assertThat(all.stream().filter(x -> x.startsWith(prefix)).toList()).containsExactly(prefix + "m0",
                    prefix + "m1", prefix + "m2", prefix + "m3", prefix + "m4");
        }
        assertThat(waiting("gt-rig-b")).isEmpty();
    }

    @Test
    void anAgentWithoutAReadyPromptIsIdleOnceItsScreenHasBeenQuiet() throws Exception {
        Path got = dir.resolve("c.log");
        server.sessions.start(TestServer.spec("gt-rig-c", dir, TestServer.promptlessAgent(got)));
        assertThat(nudger.nudge("gt-rig-c", PROMPTLESS, "hello", Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(10)))
                .isInstanceOf(NudgeOutcome.Delivered.class);
        assertThat(nudger.nudge("gt-rig-c", PROMPTLESS, "busy 3", Nudger.Mode.IMMEDIATE, Duration.ZERO))
                .isInstanceOf(NudgeOutcome.Delivered.class);
        assertThat(nudger.nudge("gt-rig-c", PROMPTLESS, "during", Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(1)))
                .as("the agent is printing its work").isInstanceOf(NudgeOutcome.Queued.class);
        NudgeOutcome after = nudger.nudge("gt-rig-c", PROMPTLESS, "after", Nudger.Mode.WAIT_IDLE,
                Duration.ofSeconds(20));
        assertThat(after).isInstanceOf(NudgeOutcome.Delivered.class);
        assertThat(((NudgeOutcome.Delivered) after).fromQueue()).isEqualTo(1);
        SessionsTest.waitFor(() -> received(got).size() == 4);
        assertThat(received(got)).containsExactly("hello", "busy 3", "during", "after");
    }

    @Test
    void nudgingADeadSessionFails() {
        assertThat(nudger.nudge("gt-rig-none", PRESET, "hello", Nudger.Mode.WAIT_IDLE, Duration.ZERO))
                .isInstanceOf(NudgeOutcome.Failed.class);
    }
}
