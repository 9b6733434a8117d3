package dev.gastown.tmux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void server() throws Exception {
        server = new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theAgentIsThePanesFirstProcessWithItsEnvironmentAndQuotedArguments() throws Exception {
        Path out = dir.resolve("args.txt");
        String tricky = "it's \"quoted\" `tick` $(touch " + dir.resolve("pwned") + "); ls";
        Pane p = server.sessions.start(TestServer.spec("gt-rig-x", dir, List.of("sh", "-c",
                "printf '%s|%s' \"$GT_ROLE\" \"$1\" > " + out + "; exec sleep 60", "sh", tricky)));
        assertThat(p.id()).startsWith("%");
        waitFor(() -> Files.exists(out));
        assertThat(Files.readString(out)).isEqualTo("test/polecats/x|" + tricky);
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(server.sessions.env("gt-rig-x", Sessions.PANE_ID_VAR)).contains(p.id());
        assertThat(server.sessions.pane("gt-rig-x")).map(Pane::pid).contains(p.pid());
        assertThatThrownBy(() -> server.sessions.start(TestServer.spec("gt-rig-x", dir, List.of("sleep", "5"))))
                .isInstanceOf(TmuxException.class).extracting(e -> ((TmuxException) e).kind())
                .isEqualTo(TmuxException.Kind.SESSION_EXISTS);
    }

    @Test
    void anAgentThatDiesAtOnceIsReportedWithItsOutputAndLeavesNoSession() {
        assertThatThrownBy(() -> server.sessions.start(TestServer.spec("gt-rig-y", dir, List.of("sh", "-c",
                "echo cannot find model config; exit 3"))))
                .isInstanceOf(TmuxException.class)
                // tmux 3.3 now and then never records the status of a process that exits this fast: then it says so
                .hasMessageMatching("(?s).*exited at once with status (3|unknown);.*")
                .hasMessageContaining("cannot find model config");
        assertThat(server.sessions.exists("gt-rig-y")).isFalse();
    }

    @Test
    void stoppingKillsTheWholeProcessTreeAndExactNamesMatter() throws Exception {
        Path pids = dir.resolve("pids");
        server.sessions.start(TestServer.spec("gt-deacon", dir, List.of("sh", "-c",
                "sleep 300 & echo $! > " + pids + "; trap '' HUP; wait")));
        server.sessions.start(TestServer.spec("gt-deacon-boot", dir, List.of("sleep", "300")));
        waitFor(() -> Files.exists(pids) && !readQuietly(pids).isBlank());
        long child = Long.parseLong(Files.readString(pids).strip());
        assertThat(ProcessHandle.of(child)).isPresent();
        assertThat(server.sessions.kill("gt-deacon", Duration.ofSeconds(2))).isTrue();
        waitFor(() -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
        assertThat(server.sessions.exists("gt-deacon")).isFalse();
        assertThat(server.sessions.exists("gt-deacon-boot")).isTrue();
        assertThat(server.sessions.kill("gt-deacon", Duration.ofSeconds(1))).isFalse();
    }

    @Test
    void respawnRestartsTheAgentInTheSamePane() throws Exception {
        Pane first = server.sessions.start(TestServer.spec("gt-rig-z", dir, List.of("sleep", "300")));
        Pane second = server.sessions.respawn("gt-rig-z", TestServer.spec("gt-rig-z", dir, List.of("sleep", "301")));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void captureReturnsTheLastNLinesWithoutTrailingBlankOnes() {
        server.sessions.start(TestServer.spec("gt-rig-lines", dir, List.of("sh", "-c",
                "i=1; while [ $i -le 100 ]; do echo line-$i; i=$((i+1)); done; exec sleep 300")));
        waitFor(() -> server.sessions.capture("gt-rig-lines", 1).equals("line-100"));
        assertThat(server.sessions.capture("gt-rig-lines", 5).split("\n"))
                .containsExactly("line-96", "line-97", "line-98", "line-99", "line-100");

        server.sessions.start(TestServer.spec("gt-rig-short", dir, List.of("sh", "-c",
                "echo '  one'; echo; echo three; exec sleep 300")));
        waitFor(() -> server.sessions.capture("gt-rig-short", 1).equals("three"));
        assertThat(server.sessions.capture("gt-rig-short", 10).split("\n")).containsExactly("  one", "", "three");
    }

    @Test
    void captureCountsWrappedLinesOnceEvenWhenTheyFillTheScreen() {
        String x = "x".repeat(590);
        server.sessions.start(TestServer.spec("gt-rig-wide", dir, List.of("sh", "-c",
                "i=1; while [ $i -le 60 ]; do echo \"$i " + x + "\"; i=$((i+1)); done; exec sleep 300")));
        waitFor(() -> server.sessions.capture("gt-rig-wide", 1).startsWith("60 "));
        List<String> lines = List.of(server.sessions.capture("gt-rig-wide", 40).split("\n"));
        assertThat(lines).hasSize(40);
        assertThat(lines.get(0)).isEqualTo("21 " + x);
        assertThat(lines.get(39)).isEqualTo("60 " + x);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Pause.millis(50);
        }
    }

    static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
