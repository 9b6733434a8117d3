package dev.gastown.beads.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} program in a directory. Output is captured; nothing is read from a terminal. */
public final class GitCli {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path dir;
    private final Map<String, String> env;

    public GitCli(Path dir) {
        this(dir, Map.of());
    }

    public GitCli(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
    }

    /** The root of the git work tree containing {@code start} (where {@code .git} is, dir or file), or null. */
    public static Path workTreeRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return null;
    }

    /** The outcome of one git invocation. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** stdout without the trailing newline. */
        public String out() {
            return stdout.strip();
        }
    }

    public Result run(String... args) {
        List<String> cmd = new ArrayList<>(args.length + 1);
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "", "git " + String.join(" ", args) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (!java.nio.file.Files.isDirectory(dir)) {
                return new Result(128, "", "cannot run git in " + dir + ": the directory does not exist");
            }
            throw new UncheckedIOException("cannot run git (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "", "interrupted");
        }
    }

    /** Runs git and fails with its stderr when it exits non-zero. */
    public String check(String... args) {
        Result r = run(args);
        if (!r.ok()) {
            throw new GitException("git " + String.join(" ", args) + " failed: " + r.stderr().strip());
        }
        return r.out();
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** A git command that failed. */
    public static final class GitException extends dev.gastown.beads.store.StoreException {
        public GitException(String message) {
            super(message);
        }
    }
}
