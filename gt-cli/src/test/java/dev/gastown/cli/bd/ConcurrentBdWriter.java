package dev.gastown.cli.bd;

import dev.gastown.cli.CliEnv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Test driver run as its own process: creates COUNT issues through the bd command set and closes each one, printing
 * the ids. Args: WORKER COUNT.
 */
public final class ConcurrentBdWriter {
    private ConcurrentBdWriter() {
    }

    public static void main(String[] args) {
        String worker = args[0];
        int count = Integer.parseInt(args[1]);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BD_ACTOR", "worker-" + worker);
        for (int i = 0; i < count; i++) {
            String id = bd(env, "create", "worker " + worker + " item " + i, "--silent").strip();
            bd(env, "close", id, "--reason", "done by " + worker);
            System.out.println(id);
        }
    }

    private static String bd(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BdMain.run(args, new CliEnv(env, Path.of("").toAbsolutePath(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0])));
        if (code != 0) {
            throw new IllegalStateException("bd " + String.join(" ", args) + " failed: " + err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
