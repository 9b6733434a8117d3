package dev.gastown.cli.live;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.Pause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A town for live tests: agents run in real tmux sessions (on the town's own socket, killed at the end) and call the
 * built {@code gt} and {@code bd} launchers, as they would on a user's machine. Integration tests run after the
 * package phase, so the launchers work.
 */
final class LiveTown implements AutoCloseable {
    static final Path SCRIPTS = repo().resolve("scripts");

    final Path base;
    final Path remote;
    final Town town;
    final Gt gt;

    private LiveTown(Path base, Path remote, Town town, Gt gt) {
        this.base = base;
        this.remote = remote;
        this.town = town;
        this.gt = gt;
    }

    /** A town whose agents are all scripted agents, with {@code agentEnv} in their environment. */
    static LiveTown create(Path base, Map<String, String> agentEnv) throws IOException {
        Git.remoteWithClones(base, 0);
        Path remote = base.resolve("remote.git");
        Path root = base.resolve("town");
        Map<String, String> env = new HashMap<>(Git.ENV);
        env.put("GASTOWN_SCRIPTS", SCRIPTS.toString());
        env.put("PATH", SCRIPTS + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        Gt gt = new Gt(base).env(env);
        gt.ok("install", root.toString());
        JsonObject scripted = new JsonObject();
        JsonObject envJson = new JsonObject();
        agentEnv.forEach(envJson::put);
        scripted.put("env", envJson);
        Files.createDirectories(root.resolve("settings"));
        Files.writeString(root.resolve("settings/config.json"), new JsonObject().put("default_agent", "scripted")
                .put("agents", new JsonObject().put("scripted", scripted)).toJson());
        return new LiveTown(base, remote, new Town(root), gt.at(root).env("GT_ROOT", root.toString()));
    }

    /** Adds a rig on the town's origin, whose tests check that the README is still there; returns its bd. */
    Bd addRig(String name) {
        gt.ok("rig", "add", name, remote.toString());
        gt.ok("rig", "config", name, "--test-command", "test -f README");
        return bd(town.rig(name).root());
    }

    /** Files issues "Add feature N" (N from 1) whose script writes feature-N.txt, after {@code before}. */
    static List<String> featureIssues(Bd bd, int count, String before) {
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            ids.add(bd.create("Add feature " + n, "--priority", "2", "-d", "Write the feature file.\n\n```sh\n"
                    + before + "printf 'feature " + n + "\\n' > feature-" + n + ".txt\n```\n"));
        }
        return ids;
    }

    Bd bd(Path beadsRoot) {
        return new Bd(beadsRoot).env("BEADS_DIR", beadsRoot.resolve(".beads").toString());
    }

    /** Runs the real gt launcher as its own process, with extra environment; returns its exit code. */
    Process gtProcess(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(SCRIPTS.resolve("gt").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(town.root().toFile()).redirectErrorStream(true);
        pb.environment().put("GT_ROOT", town.root().toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Every entry of every scripted-agent transcript in the town, oldest session first. */
    List<JsonObject> transcripts() throws IOException {
        Path dir = town.runtimeDir().resolve("transcripts");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<JsonObject> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(JsonParser.parseObject(line).put("session", f.getFileName().toString()));
                    }
                }
            }
        }
        return out;
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        waitFor(what, timeout, condition, () -> "");
    }

    /** Waits for {@code condition}; on timeout the failure carries {@code diagnostics} (screens, state). */
    static void waitFor(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + diagnostics.get());
            }
            Pause.millis(250);
        }
    }

    private static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("scripts/gt")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository (scripts/gt)");
    }

    @Override
    public void close() {
        gt.run("shutdown");
        TownTmux.of(town).killServer();
    }
}
