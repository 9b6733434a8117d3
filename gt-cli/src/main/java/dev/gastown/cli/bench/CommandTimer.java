package dev.gastown.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** Times whole processes: warm-up runs, then N timed runs; reports the median and the 90th percentile in ms. */
public final class CommandTimer {
    private CommandTimer() {
    }

    /** Median and 90th percentile of one command, in milliseconds. */
    public record Timing(double median, double p90) {
    }

    /** Runs {@code command.apply(i)} for i = 0.. (so each run may differ, e.g. close a different issue). */
    public static Timing time(Path cwd, int warmup, int runs, IntFunction<List<String>> command) {
        for (int i = 0; i < warmup; i++) {
            run(cwd, command.apply(i));
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            List<String> cmd = command.apply(warmup + i);
            long t0 = System.nanoTime();
            run(cwd, cmd);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1)]);
    }

    static void run(Path cwd, List<String> cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(cwd.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String err = new String(p.getErrorStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
