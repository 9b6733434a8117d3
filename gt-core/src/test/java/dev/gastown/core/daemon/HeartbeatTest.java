package dev.gastown.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.testing.FakeAgents;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.tmux.Pane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's heartbeat against real tmux (the town's private socket): a polecat with work whose agent makes no
 * progress is respawned in its pane (a new process, not left alone), and an agent that dies at once is restarted
 * with backoff until the crash loop blocks it and the Overseer hears of it.
 */
class HeartbeatTest {
    @TempDir
    Path tmp;

    TownFixture f;

    @AfterEach
    void killServer() {
        if (f != null) {
            TownTmux.of(f.town).killServer();
        }
    }

    private AgentSessions townWithAgent(String script) throws Exception {
        f = TownFixture.withRig(tmp);
        return FakeAgents.running(f, script, new JsonObject().put("stale_nudge_seconds", 60)
                .put("stale_restart_seconds", 120));
    }

    @Test
    void aStuckAgentWithWorkIsRespawnedInItsPane() throws Exception {
        AgentSessions sessions = townWithAgent("printf '❯ '; exec sleep 1000");
        Address.Polecat polecat = FakeAgents.slingNewIssue(f, "Some work");
        Thresholds thresholds = Thresholds.read(f.town);
        Instant t0 = Instant.now();
        List<Heartbeat.Action> first = new Heartbeat(sessions, thresholds).run(t0);
        assertThat(first).contains(new Heartbeat.Action("start", polecat.toString(), "not running"));
        Pane before = sessions.running(polecat).orElseThrow();

        List<Heartbeat.Action> later = new Heartbeat(sessions, thresholds).run(t0.plus(Duration.ofMinutes(3)));
        assertThat(later).anyMatch(a -> a.kind().equals("restart") && a.target().equals(polecat.toString())
                && a.detail().startsWith("no progress for"));
        Pane after = sessions.running(polecat).orElseThrow();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.pid()).isNotEqualTo(before.pid());
        assertThat(sessions.sessions().list()).contains(SessionNames.of(polecat));
    }

    @Test
    void anAgentThatDiesAtOnceIsBlockedAfterFiveRestartsAndEscalated() throws Exception {
        AgentSessions sessions = townWithAgent("exit 3");
        Address.Polecat polecat = FakeAgents.slingNewIssue(f, "Some work");
        Thresholds thresholds = Thresholds.read(f.town);
        Instant now = Instant.now();
        for (int beat = 0; beat < 8; beat++) {
            new Heartbeat(sessions, thresholds).run(now);
            now = now.plus(Duration.ofMinutes(3));
        }
        RestartTracker.Record record = RestartTracker.load(DaemonFiles.of(f.town).restarts()).all()
                .get(polecat.toString());
        assertThat(record.blocked()).isTrue();
        assertThat(record.restarts()).hasSize(5);
        assertThat(new Heartbeat(sessions, thresholds).run(now)).anyMatch(a -> a.kind().equals("blocked")
                && a.target().equals(polecat.toString()));
        assertThat(new Mailboxes(sessions.ledger()).inbox(Address.OVERSEER, false)).extracting(Message::subject)
                .anyMatch(s -> s.contains("crash loop: " + polecat));
    }

    @Test
    void messagesQueuedForAnAgentThatWentIdleAreDeliveredByTheHeartbeat() throws Exception {
        Path got = tmp.resolve("got.txt");
        AgentSessions sessions = townWithAgent("printf '❯ '; while read -r line; do echo \"$line\" >> " + got
                + "; printf '❯ '; done");
        sessions.ensure(Address.MAYOR, Address.OVERSEER, "test");
        AgentSessions.nudgeQueue(f.town, Address.MAYOR).add("left in the queue");
        List<Heartbeat.Action> actions = new Heartbeat(sessions, Thresholds.read(f.town)).run(Instant.now());
        assertThat(actions).contains(new Heartbeat.Action("deliver", "mayor/", "1 queued message(s) delivered"));
        assertThat(java.nio.file.Files.readAllLines(got)).containsExactly("left in the queue");
        assertThat(AgentSessions.nudgeQueue(f.town, Address.MAYOR).isEmpty()).isTrue();
    }
}
