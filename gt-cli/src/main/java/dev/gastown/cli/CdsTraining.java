package dev.gastown.cli;

import dev.gastown.cli.bd.BdMain;
import dev.gastown.cli.gt.GtMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the everyday commands (bd's, and the gt commands of agents' prompt hooks) once, in one JVM, against a
 * scratch store and town, so that the launcher's {@code -XX:ArchiveClassesAtExit} run records every class they load
 * in the class-data sharing archive. Nothing here is a test: output is discarded.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("gt-cds-training");
        try {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("BD_ACTOR", "cds-training");
            env.remove("BEADS_DIR");
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            PrintStream quiet = new PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8);
            CliEnv cli = new CliEnv(env, dir, quiet, quiet, new ByteArrayInputStream(new byte[0]));
            bd(cli, "init", "--prefix", "tr");
            bd(cli, "create", "First", "-p", "1", "--json");
            bd(cli, "create", "Second", "-t", "bug", "-l", "a,b", "--silent");
            String[] ids = Files.readAllLines(dir.resolve(".beads/issues.jsonl")).stream()
                    .map(l -> l.substring(7, l.indexOf('"', 7))).toArray(String[]::new);
            bd(cli, "dep", "add", ids[1], ids[0]);
            bd(cli, "show", ids[0], "--json");
            bd(cli, "show", ids[1]);
            bd(cli, "list", "--json");
            bd(cli, "list");
            bd(cli, "ready", "--json");
            bd(cli, "ready");
            bd(cli, "blocked", "--json");
            bd(cli, "update", ids[0], "--claim", "--json");
            // the closes below then run as in a town, through the convoy-landing lookup in the town's store
            Files.createDirectories(dir.resolve("mayor"));
            Files.writeString(dir.resolve("mayor").resolve("town.json"), "{}");
            bd(cli, "comments", "add", ids[0], "note");
            bd(cli, "close", ids[0], "--reason", "done", "--json");
            bd(cli, "close", ids[1], "--continue");
            bd(cli, "stats", "--json");
            bd(cli, "show", "no-such-id", "--json");
            trainGt(env, quiet, dir.resolve("town"));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The gt commands agents run on every prompt: the mail check of their prompt hook, and their hook. */
    private static void trainGt(Map<String, String> env, PrintStream quiet, Path town) {
        Map<String, String> asMayor = new HashMap<>(env);
        asMayor.put("GT_ROOT", town.toString());
        asMayor.put("GT_ROLE", "mayor");
        CliEnv cli = new CliEnv(asMayor, town.getParent(), quiet, quiet, new ByteArrayInputStream(new byte[0]));
        GtMain.run(new String[] {"install", town.toString()}, cli);
        GtMain.run(new String[] {"mail", "send", "mayor/", "-s", "Hello", "-m", "Body"}, cli);
        GtMain.run(new String[] {"mail", "check", "--inject"}, cli);
        GtMain.run(new String[] {"mail", "check"}, cli);
        GtMain.run(new String[] {"mail", "inbox"}, cli);
        GtMain.run(new String[] {"whoami"}, cli);
        GtMain.run(new String[] {"hook"}, cli);
    }

    private static void bd(CliEnv env, String... args) {
        BdMain.run(args, env);
    }
}
