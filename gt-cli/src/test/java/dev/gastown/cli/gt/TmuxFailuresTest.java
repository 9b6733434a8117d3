package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.tmux.NudgeQueue;
import dev.gastown.tmux.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runtime's failures look like to a caller: typed errors (exit 1), and mail that arrives regardless. */
class TmuxFailuresTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;
    Tmux tmux;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.bare(tmp);
        overseer = Gt.in(f.town);
        tmux = TownTmux.of(f.town);
    }

    @AfterEach
    void killServer() {
        tmux.killServer();
    }

    @Test
    void aFullNudgeQueueIsAnErrorThatSaysSo() {
        tmux.run("new-session", "-d", "-s", "gt-mayor", "sleep 600");
        NudgeQueue queue = AgentSessions.nudgeQueue(f.town, Address.MAYOR);
        for (int i = 0; i < NudgeQueue.MAX_DEPTH; i++) {
            queue.add("waiting " + i);
        }
        CliRun run = overseer.run("nudge", "mayor/", "--mode", "queue", "-m", "one too many");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("nudge queue").contains("is full").doesNotContain("internal error");
    }

    @Test
    void mailIsDeliveredEvenWhenTheRecipientsSessionCannotBeTold() throws Exception {
        Files.createDirectories(f.town.settingsFile().getParent());
        Files.writeString(f.town.settingsFile(), "{\"agents\": {\"claude\": {\"args\": \"not a list\"}}}");
        CliRun sent = overseer.run("mail", "send", "mayor/", "-s", "Hello", "-m", "stored whatever tmux says");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.err()).contains("Warning:").contains("was delivered to mayor/").contains("claude");
        assertThat(overseer.as(Address.MAYOR).ok("mail", "inbox")).contains("Hello");
    }
}
