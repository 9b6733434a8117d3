package dev.gastown.core.mq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a rig's test command: {@code sh -c COMMAND} in a directory, with a time limit, stdout and stderr
 * together, the last {@value #TAIL_CHARS} characters kept. A run that outlives its limit is killed with its whole
 * process tree and counts as failed.
 */
record TestRun(String command, boolean passed, int exitCode, boolean timedOut, String outputTail) {
    static final int TAIL_CHARS = 4000;

    /** A rig without a test command passes every branch. */
    static TestRun run(String command, Path dir, Map<String, String> env, Duration limit) {
        if (command.isBlank()) {
            return new TestRun(command, true, 0, false, "");
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the test command in " + dir, e);
        }
        Tail tail = new Tail(p.getInputStream());
        Thread reader = new Thread(tail, "test-output");
        reader.setDaemon(true);
        reader.start();
        try {
            boolean finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            int code = finished ? p.exitValue() : -1;
            return new TestRun(command, finished && code == 0, code, !finished, tail.text());
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the test command ran", e);
        }
    }

    /** One line for a merge request's record. */
    String describe(Duration limit) {
        return timedOut ? "`" + command + "` did not finish within " + limit.toSeconds() + "s"
                : "`" + command + "` exited " + exitCode;
    }

    /** Keeps the end of a stream. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final StringBuilder kept = new StringBuilder();

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        kept.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        if (kept.length() > 2 * TAIL_CHARS) {
                            kept.delete(0, kept.length() - TAIL_CHARS);
                        }
                    }
                }
            } catch (IOException closed) {
                // the process was killed; what was read so far is the output
            }
        }

        String text() {
            synchronized (kept) {
                return kept.length() > TAIL_CHARS ? kept.substring(kept.length() - TAIL_CHARS) : kept.toString();
            }
        }
    }
}
