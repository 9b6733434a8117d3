package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.CliEnv;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test driver run as its own process, through the gt command set. Args: TOWN ROLE send TO COUNT BROADCAST — sends
 * COUNT messages to TO and one to the group BROADCAST, printing "ID RECIPIENT" per copy; or TOWN ROLE ack ID... —
 * acknowledges the ids.
 */
public final class ConcurrentMailClient {
    private ConcurrentMailClient() {
    }

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GT_ROOT", args[0]);
        env.put("GT_ROLE", args[1]);
        if (args[2].equals("ack")) {
            List<String> ack = new java.util.ArrayList<>(List.of("mail", "ack"));
            ack.addAll(Arrays.asList(args).subList(3, args.length));
            gt(env, ack.toArray(String[]::new));
            return;
        }
        int count = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i++) {
            print(gt(env, "mail", "send", args[3], "-s", args[1] + " message " + i, "-m", "body " + i, "--json"));
        }
        print(gt(env, "mail", "send", args[5], "-s", args[1] + " broadcast", "--json"));
    }

    private static void print(String json) {
        for (JsonValue m : JsonParser.parse(json).asArray().items()) {
            System.out.println(m.asObject().string("id") + " " + m.asObject().string("to"));
        }
    }

    private static String gt(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GtMain.run(args, new CliEnv(env, Path.of("").toAbsolutePath(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0])));
        if (code != 0) {
            throw new IllegalStateException("gt " + String.join(" ", args) + " failed: " + err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
