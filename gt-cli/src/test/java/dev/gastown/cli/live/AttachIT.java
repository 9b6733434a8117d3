package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.core.runtime.TownTmux;
import dev.gastown.tmux.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gt agents ADDRESS} run in a real terminal: from a pane of another tmux server (the user's own) it attaches
 * to the town's server, nested, and says how to detach; from a pane of the town's own server it switches that
 * pane's client to the agent.
 */
class AttachIT {
    @TempDir
    Path tmp;

    @Test
    void fromTheUsersOwnTmuxItAttachesAndFromTheTownsTmuxItSwitchesTheClient() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            Tmux town = TownTmux.of(t.town);
            town.run("new-session", "-d", "-s", "gt-mayor", "sleep 600");
            Path conf = Files.writeString(tmp.resolve("user-tmux.conf"), "");
            Tmux user = new Tmux("gt-test-user-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), conf);
            try {
                Path exit = tmp.resolve("exit-from-user-tmux");
                user.run("new-session", "-d", "-s", "user", "-x", "150", "-y", "40", "-c", t.town.root().toString(),
                        "-e", "GT_ROOT=" + t.town.root(), "sh -c '" + gt() + " agents mayor/; echo $? > " + exit
                                + "; sleep 600'");
                LiveTown.waitFor("the user's terminal to be attached to gt-mayor", Duration.ofSeconds(60),
                        () -> clients(town).contains("gt-mayor"),
                        () -> "\n" + user.run("capture-pane", "-p", "-t", "=user:") + readQuietly(exit));
                town.run("detach-client", "-s", "=gt-mayor");
                LiveTown.waitFor("gt agents to return", Duration.ofSeconds(30), () -> Files.exists(exit));
                assertThat(readQuietly(exit).strip()).isEqualTo("0");
                assertThat(user.run("capture-pane", "-p", "-J", "-t", "=user:"))
                        .contains("Detach with your tmux prefix twice, then d");

                Path go = tmp.resolve("go");
                Path exit2 = tmp.resolve("exit-from-town-tmux");
                town.run("new-session", "-d", "-s", "gt-deacon", "-c", t.town.root().toString(),
                        "-e", "GT_ROOT=" + t.town.root(), "sh -c 'while [ ! -e " + go + " ]; do sleep 0.2; done; "
                                + gt() + " agents mayor/; echo $? > " + exit2 + "; sleep 600'");
                user.run("new-session", "-d", "-s", "viewer", "-x", "150", "-y", "40",
                        "tmux -L " + town.socket() + " attach-session -t =gt-deacon");
                LiveTown.waitFor("a terminal attached to gt-deacon", Duration.ofSeconds(30),
                        () -> clients(town).contains("gt-deacon"));
                Files.createFile(go);
                LiveTown.waitFor("gt agents to return", Duration.ofSeconds(60), () -> Files.exists(exit2));
                assertThat(readQuietly(exit2).strip()).isEqualTo("0");
                LiveTown.waitFor("that terminal to show gt-mayor", Duration.ofSeconds(10),
                        () -> clients(town).equals("gt-mayor"));
            } finally {
                user.killServer();
            }
        }
    }

    private static String gt() {
        return LiveTown.SCRIPTS.resolve("gt").toString();
    }

    private static String clients(Tmux town) {
        return town.tryRun("list-clients", "-F", "#{client_session}").stdout().strip();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
