package dev.gastown.tmux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one door to tmux: every command goes through here and names the town's socket ({@code -L}), so a town never
 * touches the user's default server or another town's sessions. Errors come back classified
 * ({@link TmuxException.Kind}).
 */
public final class Tmux {
    private static final long TIMEOUT_SECONDS = 30;
    private static volatile TmuxVersion version;

    private final String socket;
    private final Path configFile;

    /**
     * @param socket the server's socket name (tmux {@code -L})
     * @param configFile the configuration the server starts with; null for the user's own {@code ~/.tmux.conf}
     */
    public Tmux(String socket, Path configFile) {
        if (!socket.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad tmux socket name: " + socket);
        }
        this.socket = socket;
        this.configFile = configFile;
    }

    public String socket() {
        return socket;
    }

    /** How to show a session in the caller's terminal, and whether that nests this server in another one's pane. */
    public record Attach(List<String> command, boolean nested) {
        public Attach {
            command = List.copyOf(command);
        }
    }

    /**
     * How to show {@code target} in the terminal of a caller whose {@code $TMUX} is {@code callerTmux}: a caller in a
     * pane of this server switches its own client to the session ({@code switch-client}); any other caller attaches
     * ({@code attach-session}), which, from a pane of another tmux server (the user's own, say), nests this server's
     * client in that pane. {@code switch-client} would fail there: this server has no client for that terminal.
     */
    public Attach attach(String target, String callerTmux) {
        if (servesPaneOf(callerTmux)) {
            return new Attach(List.of("tmux", "-L", socket, "switch-client", "-t", "=" + target), false);
        }
        return new Attach(List.of("tmux", "-L", socket, "attach-session", "-t", "=" + target),
                !callerTmux.isEmpty());
    }

    /**
     * Stops the server and removes its socket file, which tmux (3.3) leaves behind, also when a server exits by
     * itself after its last session: without this every town and test server ever started would leave a dead socket
     * in the tmux directory. The file is removed only once no server answers on it.
     */
    public void killServer() {
        tryRun("kill-server");
        if (tryRun("list-sessions").exit() == 0) {
            return;
        }
        try {
            Files.deleteIfExists(socketPath());
        } catch (IOException e) {
            // a socket file we cannot remove is harmless: the next server on this name replaces it
        }
    }

    /** Where tmux puts this server's socket: {@code $TMUX_TMPDIR} (else /tmp), {@code tmux-UID}, the name. */
    private Path socketPath() {
        String dir = System.getenv().getOrDefault("TMUX_TMPDIR", "");
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        return Path.of(dir.isEmpty() ? "/tmp" : dir, "tmux-" + uid, socket);
    }

    /** Whether {@code tmuxVar} (a {@code $TMUX}: socket path, server pid, session) names this server's socket. */
    private boolean servesPaneOf(String tmuxVar) {
        int comma = tmuxVar.indexOf(',');
        if (comma <= 0) {
            return false;
        }
        Result r = tryRun("display-message", "-p", "#{socket_path}");
        return r.exit() == 0 && sameFile(tmuxVar.substring(0, comma), r.stdout().strip());
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Files.isSameFile(Path.of(a), Path.of(b));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    public static TmuxVersion version() {
        TmuxVersion v = version;
        if (v == null) {
            v = TmuxVersion.parse(exec(List.of("tmux", "-V"), null).stdout());
            version = v;
        }
        return v;
    }

    /** Runs a tmux command on this server; fails with a classified {@link TmuxException}. */
    public String run(String... args) {
        return output(args).strip();
    }

    /** As {@link #run}, with the output exactly as printed (leading blanks and indentation kept). */
    public String output(String... args) {
        Result r = tryRun(args);
        if (r.exit() != 0) {
            String err = r.stderr().strip();
            throw new TmuxException(r.exit() == 124 ? TmuxException.Kind.TIMEOUT : TmuxException.classify(err),
                    "tmux " + args[0] + ": " + (err.isEmpty() ? "exit " + r.exit() : err));
        }
        return r.stdout();
    }

    /** Runs a tmux command and returns what happened, failure included. */
    public Result tryRun(String... args) {
        return tryRunWithInput(null, args);
    }

    /** As {@link #tryRun}, with {@code input} on the command's stdin ({@code load-buffer -}). */
    public Result tryRunWithInput(byte[] input, String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        if (configFile != null) {
            cmd.add("-f");
            cmd.add(configFile.toString());
        }
        cmd.addAll(List.of(args));
        return exec(cmd, input);
    }

    /** What one tmux invocation printed and returned. */
    public record Result(int exit, String stdout, String stderr) {
    }

    private static Result exec(List<String> cmd, byte[] input) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TMUX");
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            }
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "", String.join(" ", cmd) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tmux (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "", "interrupted");
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
