package dev.gastown.cli.bench;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonValue;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/bench/hanoi}: pours a Towers of Hanoi wisp and executes it to the end, checking every step against
 * a simulation of the pegs, while killing the bd process with SIGKILL at random moments. After each kill the
 * simulation is thrown away and rebuilt from the molecule alone (the closed steps, replayed and re-checked), and
 * the run continues from the step the molecule says is next.
 *
 * <p>Modes: {@code process} runs one {@code bd close ID --continue --json} process per step (what an agent does);
 * {@code stream} keeps one {@code bd close --stdin --continue --json} process fed with one id per line, each close
 * durable before it is answered.
 *
 * <p>Usage: HanoiBench BD WORKDIR DISKS MODE KILLS SEED
 */
public final class HanoiBench {
    private final String bd;
    private final Path dir;
    private final boolean stream;
    private final Random rnd;
    private String root;
    private Pegs pegs;
    private String nextId;
    private String nextTitle;
    private Process streamer;
    private BufferedWriter toStreamer;
    private BufferedReader fromStreamer;

    private HanoiBench(String bd, Path dir, boolean stream, long seed) {
        this.bd = bd;
        this.dir = dir;
        this.stream = stream;
        this.rnd = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        int disks = Integer.parseInt(args[2]);
        int kills = Integer.parseInt(args[4]);
        HanoiBench b = new HanoiBench(args[0], Path.of(args[1]), args[3].equals("stream"), Long.parseLong(args[5]));
        b.run(disks, kills);
    }

    private void run(int disks, int kills) throws Exception {
        Files.createDirectories(dir);
        // its own repository, so bd init wires merge attributes here and not into whatever repository encloses it
        exec(List.of("git", "init", "-q"));
        exec(List.of(bd, "init", "--prefix", "hanoi", "-q"));
        long t0 = System.nanoTime();
        JsonObject poured = JsonParser.parseObject(exec(List.of(bd, "mol", "wisp", "towers-of-hanoi", "--var",
                "disks=" + disks, "--json")));
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        root = poured.string("new_epic_id");
        long steps = poured.get("created").asLong() - 1;
        System.out.printf("poured %s: %d steps (%d moves) in %.1f s%n", root, steps, (1L << disks) - 1, createSeconds);

        TreeSet<Long> killAt = new TreeSet<>();
        while (killAt.size() < kills) {
            killAt.add(1 + (long) (rnd.nextDouble() * (steps - 2)));
        }
        resume();
        long t1 = System.nanoTime();
        long done = 0;
        int resumes = 0;
        while (nextId != null) {
            pegs.apply(nextTitle);
            boolean kill = !killAt.isEmpty() && done >= killAt.first();
            if (kill) {
                killAt.pollFirst();
                closeAndKill();
                resume();
                resumes++;
                done = countDone();
                continue;
            }
            closeStep();
            done++;
        }
        double runSeconds = (System.nanoTime() - t1) / 1e9;
        stopStreamer();
        if (!pegs.verified()) {
            throw new IllegalStateException("the molecule ended without its verify step");
        }
        JsonObject progress = JsonParser.parseObject(exec(List.of(bd, "mol", "progress", root, "--json")));
        if (progress.get("completed").asLong() != steps) {
            throw new IllegalStateException("molecule not complete: " + progress);
        }
        System.out.printf("executed %d steps in %.1f s: %.1f steps/s, %d kill(s) with resume from the molecule, "
                + "every move legal, tower verified%n", steps, runSeconds, steps / runSeconds, resumes);
        System.out.printf("RESULT disks=%d mode=%s steps=%d create_s=%.1f run_s=%.1f steps_per_s=%.1f kills=%d%n",
                disks, stream ? "stream" : "process", steps, createSeconds, runSeconds, steps / runSeconds, resumes);
    }

    /** Rebuilds the simulation from the molecule: replays every closed step in order, then finds the next one. */
    private void resume() throws IOException {
        pegs = new Pegs();
        nextId = null;
        nextTitle = null;
        Process p = new ProcessBuilder(bd, "mol", "steps", root).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject step = JsonParser.parseObject(line);
                String state = step.string("state");
                if (state.equals("done")) {
                    pegs.apply(step.string("title"));
                } else if (nextId == null && (state.equals("current") || state.equals("ready"))) {
                    nextId = step.string("id");
                    nextTitle = step.string("title");
                }
            }
        }
        waitFor(p, "bd mol steps");
    }

    private long countDone() throws IOException {
        return JsonParser.parseObject(exec(List.of(bd, "mol", "progress", root, "--json"))).get("completed").asLong();
    }

    private void closeStep() throws IOException {
        JsonValue answer;
        if (stream) {
            ensureStreamer();
            toStreamer.write(nextId + "\n");
            toStreamer.flush();
            String line = fromStreamer.readLine();
            if (line == null) {
                throw new IllegalStateException("bd close --stdin ended unexpectedly");
            }
            answer = JsonParser.parse(line);
        } else {
            answer = JsonParser.parse(exec(List.of(bd, "close", nextId, "--continue", "--json")));
        }
        JsonValue next = answer.asObject().get("next_step");
        if (next instanceof JsonObject n) {
            nextId = n.string("id");
            nextTitle = n.string("title");
        } else {
            nextId = null;
            nextTitle = null;
        }
    }

    /** Sends a close and kills bd with SIGKILL while it may be in the middle of it. */
    private void closeAndKill() throws Exception {
        Process victim;
        if (stream) {
            ensureStreamer();
            toStreamer.write(nextId + "\n");
            toStreamer.flush();
            victim = streamer;
            streamer = null;
        } else {
            victim = new ProcessBuilder(bd, "close", nextId, "--continue", "--json").directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        Thread.sleep(rnd.nextInt(stream ? 3 : 90));
        victim.descendants().forEach(ProcessHandle::destroyForcibly);
        victim.destroyForcibly();
        victim.waitFor(10, TimeUnit.SECONDS);
    }

    private void ensureStreamer() throws IOException {
        if (streamer != null) {
            return;
        }
        streamer = new ProcessBuilder(bd, "close", "--stdin", "--continue", "--json").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toStreamer = new BufferedWriter(new OutputStreamWriter(streamer.getOutputStream(), StandardCharsets.UTF_8));
        fromStreamer = new BufferedReader(new InputStreamReader(streamer.getInputStream(), StandardCharsets.UTF_8));
    }

    private void stopStreamer() throws Exception {
        if (streamer != null) {
            toStreamer.close();
            waitFor(streamer, "bd close --stdin");
        }
    }

    private String exec(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p, String.join(" ", cmd));
        return out;
    }

    private static void waitFor(Process p, String what) {
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(what + " failed with exit code " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
