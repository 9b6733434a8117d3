package dev.gastown.cli.bd;

import dev.gastown.cli.CliEnv;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Test driver run as its own process: prints {@code ready}, waits until the file GO exists, then runs one bd
 * command in its working directory and exits with bd's exit code. Lets a test start several real bd processes at
 * (nearly) the same instant. Args: GO BD-ARGS...
 */
public final class BdAfterSignal {
    private BdAfterSignal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path go = Path.of(args[0]);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("BD_ACTOR", "racer");
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        int code = BdMain.run(Arrays.copyOfRange(args, 1, args.length), new CliEnv(env,
                Path.of("").toAbsolutePath(), System.out, System.err, new ByteArrayInputStream(new byte[0])));
        System.exit(code);
    }
}
