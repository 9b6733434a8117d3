package dev.gastown.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon log's rotation, and following it across rotations and truncations without losing a line. */
class DaemonLogTest {
    @TempDir
    Path dir;

    private void append(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void aLogPastItsLimitIsRotatedBeforeTheNextLineAndThreeCopiesAreKept() throws IOException {
        DaemonFiles files = new DaemonFiles(dir);
        for (int copy = 1; copy <= 4; copy++) {
            Files.writeString(files.log(), "copy " + copy + "\n" + "x".repeat((int) DaemonLog.MAX_BYTES) + "\n");
            DaemonLog.append(files, List.of("after copy " + copy));
        }
        assertThat(Files.readAllLines(files.log())).singleElement().asString().endsWith(" after copy 4");
        assertThat(Files.readString(dir.resolve("daemon.log.1"))).startsWith("copy 4\n");
        assertThat(Files.readString(dir.resolve("daemon.log.2"))).startsWith("copy 3\n");
        assertThat(Files.readString(dir.resolve("daemon.log.3"))).startsWith("copy 2\n");
        assertThat(dir.resolve("daemon.log.4")).doesNotExist();
    }

    @Test
    void theDaemonsRawOutputIsRotatedWhenLargeBeforeANewDaemonOpensIt() throws IOException {
        DaemonFiles files = new DaemonFiles(dir);
        Files.writeString(files.out(), "small\n");
        DaemonLog.rotateOut(files);
        assertThat(files.out()).hasContent("small");
        Files.writeString(files.out(), "x".repeat((int) DaemonLog.MAX_BYTES + 1));
        DaemonLog.rotateOut(files);
        assertThat(files.out()).doesNotExist();
        assertThat(dir.resolve("daemon.out.1")).exists();
    }

    @Test
    void followingReadsTheRotatedFileToItsEndThenTheNewOneFromItsStart() throws IOException {
        Path log = dir.resolve("daemon.log");
        append(log, "one", "two");
        try (LogFollower f = new LogFollower(log)) {
            assertThat(f.poll()).containsExactly("one", "two");
            assertThat(f.poll()).isEmpty();
            append(log, "three: written after the last look, before the rotation");
            Files.move(log, dir.resolve("daemon.log.1"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(f.poll()).containsExactly("three: written after the last look, before the rotation");
            append(log, "four");
            assertThat(f.poll()).containsExactly("four");
            append(log, "five", "six");
            assertThat(f.poll()).containsExactly("five", "six");
        }
    }

    @Test
    void aNewFileLongerThanWhatWasReadIsStillSeenAsNew() throws IOException {
        Path log = dir.resolve("daemon.log");
        append(log, "a");
        try (LogFollower f = new LogFollower(log)) {
            assertThat(f.poll()).containsExactly("a");
            Files.move(log, dir.resolve("daemon.log.1"));
            append(log, "a much longer first line of the new file", "and another");
            assertThat(f.poll()).containsExactly("a much longer first line of the new file", "and another");
        }
    }

    @Test
    void aTruncatedFileIsReadAgainFromItsStartAndHalfLinesWaitForTheirEnd() throws IOException {
        Path log = dir.resolve("daemon.log");
        append(log, "first line", "second line");
        try (LogFollower f = new LogFollower(log)) {
            assertThat(f.poll()).hasSize(2);
            Files.writeString(log, "new\npart");
            assertThat(f.poll()).containsExactly("new");
            Files.writeString(log, "ial\n", StandardOpenOption.APPEND);
            assertThat(f.poll()).containsExactly("partial");
        }
    }

    @Test
    void aLogThatDoesNotExistYetIsFollowedFromWhenItAppears() throws IOException {
        Path log = dir.resolve("daemon.log");
        try (LogFollower f = new LogFollower(log)) {
            assertThat(f.poll()).isEmpty();
            append(log, "hello");
            List<String> got = new ArrayList<>(f.poll());
            assertThat(got).containsExactly("hello");
        }
    }
}
