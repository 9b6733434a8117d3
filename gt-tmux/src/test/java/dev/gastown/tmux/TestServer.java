package dev.gastown.tmux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A private tmux server for one test (its own socket, no user configuration), with a sentinel session so killing
 * the last test session does not stop the server; {@link #close()} kills the server.
 */
final class TestServer implements AutoCloseable {
    final Tmux tmux;
    final Sessions sessions;

    TestServer(Path dir) throws Exception {
        Path conf = dir.resolve("tmux.conf");
        Files.writeString(conf, "");
        tmux = new Tmux("gt-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), conf);
        sessions = new Sessions(tmux);
        tmux.run("new-session", "-d", "-s", "sentinel", "sleep 86400");
    }

    /**
     * A fake agent in sh: shows an idle prompt like an agent CLI, records each line it receives in {@code log}, and on
     * a line {@code busy N} shows a busy marker for N seconds.
     */
    static List<String> fakeAgent(Path log) {
        String script = "stty -echo -icanon 2>/dev/null; while true; do printf '\\n❯ '; IFS= read -r line || exit 0;"
                + " printf '%s\\n' \"$line\" >> \"$LOG\"; echo \"got: ${#line} chars\"; case \"$line\" in busy*)"
                + " printf '✻ Working… (esc to interrupt)'; sleep ${line#busy }; printf '\\r\\033[2K';; esac; done";
        return List.of("sh", "-c", script.replace("$LOG", log.toString()));
    }

    static SessionSpec spec(String name, Path dir, List<String> command) {
        return new SessionSpec(name, dir, Map.of("GT_ROLE", "test/polecats/x"), command, List.of("TMUX"));
    }

    @Override
    public void close() {
        tmux.tryRun("kill-server");
    }
}
