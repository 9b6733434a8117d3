package dev.gastown.beads.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class in a separate JVM on the test class path (for multi-process and kill -9 tests). */
public final class JavaProcess {
    private JavaProcess() {
    }

    public static Process start(Path cwd, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        try {
            return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
