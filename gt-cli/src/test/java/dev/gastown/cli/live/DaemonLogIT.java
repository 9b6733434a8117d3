package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.daemon.Daemon;
import dev.gastown.core.daemon.DaemonFiles;
import dev.gastown.core.town.JsonFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detached daemon writes its log itself: its standard output and error are {@code daemon.out}, never the log
 * that gets rotated, and after the log passes its limit the next heartbeat starts a new file. A
 * {@code gt daemon logs -f} started before the rotation prints that heartbeat from the new file.
 */
class DaemonLogIT {
    private static final long LIMIT = 5L << 20;

    @TempDir
    Path tmp;

    @Test
    void theDetachedDaemonLogsAcrossARotationAndLogsFollowsIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to see the daemon's descriptors");
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            DaemonFiles files = DaemonFiles.of(t.town);
            JsonObject settings = JsonFiles.readIfExists(t.town.settingsFile()).orElseGet(JsonObject::new);
            JsonFiles.write(t.town.settingsFile(), settings.put("daemon", new JsonObject()
                    .put("heartbeat_seconds", 1)));
            t.gt.ok("daemon", "start");
            // from now on each heartbeat only logs that it skips (no agents started)
            Files.writeString(files.shuttingDown(), "test\n");
            long pid = Daemon.status(t.town).pid();
            for (int fd : new int[] {1, 2}) {
                assertThat(Path.of("/proc/" + pid + "/fd/" + fd).toRealPath())
                        .isEqualTo(files.out().toRealPath());
            }

            List<String> followed = new CopyOnWriteArrayList<>();
            Process follower = t.gtProcess(Map.of(), "daemon", "logs", "-f", "-n", "0");
            try {
                Thread reader = new Thread(() -> collect(follower, followed));
                reader.setDaemon(true);
                reader.start();
                LiveTown.waitFor("logs -f to print a skipped heartbeat", Duration.ofSeconds(30),
                        () -> followed.stream().anyMatch(l -> l.contains("shutdown in progress")));

                String padding = "padding " + "x".repeat(1000) + "\n";
                StringBuilder block = new StringBuilder();
                while (block.length() < LIMIT + 1024) {
                    block.append(padding);
                }
                Files.writeString(files.log(), block, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Path rotated = files.dir().resolve("daemon.log.1");
                LiveTown.waitFor("the daemon to rotate its log", Duration.ofSeconds(30), () -> Files.exists(rotated)
                        && !firstLine(files.log()).isEmpty());
                String firstOfNewFile = firstLine(files.log());
                assertThat(firstOfNewFile).contains("heartbeat:");
                LiveTown.waitFor("logs -f to print the new file's first line", Duration.ofSeconds(30),
                        () -> followed.contains(firstOfNewFile), () -> "\nfollowed: " + followed);
                assertThat(Files.size(rotated)).isGreaterThan(LIMIT);
            } finally {
                follower.destroy();
                follower.waitFor();
            }
        }
    }

    /** Every line the follower prints, except the padding. */
    private static void collect(Process p, List<String> into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("padding ")) {
                    into.add(line);
                }
            }
        } catch (IOException e) {
            // the follower was stopped
        }
    }

    private static String firstLine(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            return line == null ? "" : line;
        } catch (java.nio.file.NoSuchFileException gone) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
