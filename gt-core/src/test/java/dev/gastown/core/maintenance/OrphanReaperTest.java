package dev.gastown.core.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.maintenance.OrphanReaper.Orphan;
import dev.gastown.core.maintenance.OrphanReaper.Verdict;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.tmux.Pane;
import dev.gastown.tmux.Pause;
import dev.gastown.tmux.SessionSpec;
import dev.gastown.tmux.Sessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: an agent in a live pane of the town's tmux server (with a child of its own), orphans that carry
 * the town's agent environment but belong to no pane, and look-alikes that must be left alone.
 */
class OrphanReaperTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Sessions sessions;
    final List<Long> started = new ArrayList<>();

    @BeforeEach
    void town() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/environ")), "needs Linux /proc");
        f = TownFixture.bare(tmp);
        ledger = f.ledger(new Address.Dog("alpha"));
        sessions = TownTmux.sessions(f.town);
    }

    @AfterEach
    void cleanUp() {
        if (sessions != null) {
            sessions.tmux().killServer();
        }
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }));
    }

    /**
     * Starts {@code script} in the background of a shell that exits at once, so the process is nobody's child:
     * what an agent's tool looks like after its session is gone. Returns the background process's pid.
     */
    private long detached(Map<String, String> env, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "sh -c '" + script + "' </dev/null >/dev/null 2>&1 &"
                + " echo $!");
        pb.environment().remove("GT_ROOT");
        pb.environment().remove("GT_SESSION");
        pb.environment().putAll(env);
        Process p = pb.start();
        long pid = Long.parseLong(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        p.waitFor();
        started.add(pid);
        return pid;
    }

    private Map<String, String> agentEnv(String session) {
        return Map.of("GT_ROOT", f.town.root().toString(), "GT_SESSION", session);
    }

    private static boolean alive(long pid) throws IOException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        }
        return false;
    }

    @Test
    void orphansOfThisTownAreStoppedWithTheirTreesAndNothingElseIs() throws Exception {
        Pane agent = sessions.start(new SessionSpec("gt-deacon", f.town.deaconDir(), agentEnv("gt-deacon"),
                List.of("sh", "-c", "sleep 600 & exec sleep 601"), List.of()));
        long orphan = detached(agentEnv("gt-gastown-nux"), "sleep 602 & sleep 603 & wait");
        long otherTown = detached(Map.of("GT_ROOT", tmp.resolve("elsewhere").toString(), "GT_SESSION",
                "gt-deacon"), "sleep 604");
        long noSession = detached(Map.of("GT_ROOT", f.town.root().toString()), "sleep 605");
        waitForChildren(orphan, 2);

        OrphanReaper reaper = new OrphanReaper(ledger, sessions);
        OrphanReaper.Swept young = (OrphanReaper.Swept) reaper.reap(true, Duration.ofHours(1), Instant.now());
        assertThat(young.orphans()).as("too young to judge").isEmpty();
        assertThat(young.agentProcesses()).isGreaterThanOrEqualTo(5);

        OrphanReaper.Swept dry = (OrphanReaper.Swept) reaper.reap(true, Duration.ZERO, Instant.now());
        assertThat(dry.orphans()).singleElement().satisfies(o -> {
            assertThat(o.pid()).isEqualTo(orphan);
            assertThat(o.session()).isEqualTo("gt-gastown-nux");
            assertThat(o.tree()).hasSize(3);
            assertThat(o.verdict()).isEqualTo(Verdict.WOULD_REAP);
        });
        assertThat(alive(orphan)).isTrue();

        OrphanReaper.Swept done = (OrphanReaper.Swept) reaper.reap(false, Duration.ZERO, Instant.now());
        Orphan reaped = done.orphans().get(0);
        assertThat(done.orphans()).hasSize(1);
        assertThat(reaped.verdict()).isEqualTo(Verdict.REAPED);
        for (long pid : reaped.tree()) {
            assertThat(alive(pid)).as("pid " + pid + " of the orphan tree").isFalse();
        }
        assertThat(alive(agent.pid())).as("the agent in its pane").isTrue();
        assertThat(ProcessHandle.of(agent.pid()).orElseThrow().children().count()).as("the agent's own child")
                .isEqualTo(1);
        assertThat(alive(otherTown)).as("another town's process").isTrue();
        assertThat(alive(noSession)).as("not an agent process").isTrue();
        assertThat(((OrphanReaper.Swept) reaper.reap(false, Duration.ZERO, Instant.now())).orphans()).isEmpty();
    }

    @Test
    void withNoTmuxServerEveryAgentProcessOfTheTownIsAnOrphan() throws Exception {
        long orphan = detached(agentEnv("gt-mayor"), "sleep 606");
        OrphanReaper.Swept done = (OrphanReaper.Swept) new OrphanReaper(ledger, sessions).reap(false, Duration.ZERO,
                Instant.now());
        assertThat(done.orphans()).extracting(Orphan::pid).containsExactly(orphan);
        assertThat(alive(orphan)).isFalse();
    }

    /** The detached shell starts its children right after it starts; wait until they are there. */
    private static void waitForChildren(long pid, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && ProcessHandle.of(pid).map(p -> p.children().count()).orElse(0L)
                < count) {
            Pause.millis(20);
        }
    }
}
