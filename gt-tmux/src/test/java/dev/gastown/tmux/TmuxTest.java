package dev.gastown.tmux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TmuxTest {
    @TempDir
    Path tmp;

    @Test
    void killingTheServerLeavesNoSocketBehind() throws Exception {
        Tmux tmux = new Tmux("gt-test-kill-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                Files.writeString(tmp.resolve("tmux.conf"), ""));
        tmux.run("new-session", "-d", "-s", "s", "sleep 60");
        Path socket = Path.of(tmux.run("display-message", "-p", "#{socket_path}").strip());
        assertThat(socket).exists();
        tmux.killServer();
        assertThat(tmux.tryRun("list-sessions").exit()).isNotZero();
        assertThat(socket).doesNotExist();
        tmux.killServer();
    }
}
