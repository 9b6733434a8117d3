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
    private static final String AGENT = String.join("\n",
            "export LC_ALL=C; stty -echo -icanon 2>/dev/null",
            "MARK='✻ Working… (esc to interrupt)'",
            "say() { printf '\\r\\033[2K%s\\n%s' \"$1\" \"$MARK\"; }",
            "work() {",
            "  printf '%s\\n' \"$1\" >> '$LOG'; say \"got: ${#1} chars\"",
            "  case \"$1\" in busy*) set -- $1; sleep \"$2\";; esac",
            "}",
            "drain() {",
            "  took=1",
            "  while [ -n '$QUEUE' ] && [ $took = 1 ]; do",
            "    took=0",
            "    for f in '$QUEUE'/*.nudge; do",
            "      mv \"$f\" \"$f.claimed-agent\" 2>/dev/null || continue",
            "      m=$(cat \"$f.claimed-agent\"); rm -f \"$f.claimed-agent\"; took=1; work \"$m\"",
            "    done",
            "  done",
            "}",
            "while true; do",
            "  printf '\\n❯ '; IFS= read -r line || exit 0",
            "  printf '\\n%s' \"$MARK\"; work \"$line\"; drain; printf '\\r\\033[2K'",
            "done");

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
     * A fake agent in sh: shows an idle prompt like an agent CLI, records each line it receives in {@code log}, and
     * on a line {@code busy N ...} works for N seconds. While it works, a busy marker shows at the bottom. It never
     * takes its own queue (like a CLI whose queue is read only when the next prompt is submitted).
     */
    static List<String> fakeAgent(Path log) {
        return List.of("sh", "-c", AGENT.replace("$LOG", log.toString()).replace("$QUEUE", ""));
    }

    /**
     * {@link #fakeAgent}, which also takes its own queue at the end of each turn the way {@code gt nudge drain}
     * does (each message claimed by renaming it, oldest first, until none is left) and works on each message taken.
     */
    static List<String> drainingAgent(Path log, Path queue) {
        return List.of("sh", "-c", AGENT.replace("$LOG", log.toString()).replace("$QUEUE", queue.toString()));
    }

    /**
     * An agent without a prompt or a busy marker: it shows a banner, records each line, and on {@code busy N} prints a
     * new line
     * every quarter second for N seconds, like a CLI streaming its work.
     */
    static List<String> promptlessAgent(Path log) {
        String script = "stty -echo -icanon 2>/dev/null; echo 'A quiet agent. Type away.'; while IFS= read -r line; do printf '%s\\n' \"$line\" >> '$LOG';"
                + " echo \"got: ${#line} chars\"; case \"$line\" in busy*) set -- $line; i=0;"
                + " while [ $i -lt $(($2 * 4)) ]; do echo \"thinking $i\"; sleep 0.25; i=$((i + 1)); done;; esac; done";
        return List.of("sh", "-c", script.replace("$LOG", log.toString()));
    }

    static SessionSpec spec(String name, Path dir, List<String> command) {
        return new SessionSpec(name, dir, Map.of("GT_ROLE", "test/polecats/x"), command, List.of("TMUX"));
    }

    @Override
    public void close() {
        tmux.killServer();
    }
}
