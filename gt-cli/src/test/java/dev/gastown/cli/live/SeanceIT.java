package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted Mayor records its session and transcript; then {@code gt seance --talk ID -p QUESTION}, run from the
 * town without GT_ROOT in its environment (as a person at a shell would), resumes that session through the scripted
 * preset's resume and ask arguments and prints the answer its transcript gives.
 */
class SeanceIT {
    @TempDir
    Path tmp;

    @Test
    void talkingToAScriptedPredecessorPrintsItsAnswer() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            t.gt.ok("mayor", "start");
            LiveTown.waitFor("the Mayor's session start", Duration.ofSeconds(60),
                    () -> mayorSession(t).isPresent());
            String id = mayorSession(t).orElseThrow();
            Path transcript = t.town.runtimeDir().resolve("transcripts").resolve(id + ".jsonl");
            LiveTown.waitFor("the Mayor's first turn in its transcript", Duration.ofSeconds(60),
                    () -> read(transcript).contains("\"kind\":\"prompt\""));

            Map<String, String> env = new HashMap<>(Git.ENV);
            env.put("HOME", tmp.toString());
            env.put("PATH", LiveTown.SCRIPTS + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            Gt person = new Gt(t.town.root(), env);
            assertThat(person.ok("seance")).contains(id.substring(0, 12)).contains("mayor/");
            CliRun answer = person.run("seance", "--talk", id.substring(0, 8), "-p", "What did you do last?");
            assertThat(answer.exitCode()).as(answer.out() + answer.err()).isZero();
            assertThat(answer.out()).contains("You asked: What did you do last?").contains("My last actions:")
                    .contains("- prompt: [GAS TOWN] mayor/");
            assertThat(Files.exists(tmp.resolve(".gastown"))).isFalse();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<String> mayorSession(LiveTown t) {
        return new EventLog(t.town).readAll().stream().filter(e -> e.type().equals("session_start"))
                .filter(e -> e.payload().string("address").equals("mayor/")).map(Event::payload)
                .map(p -> p.string("session_id")).reduce((a, b) -> b);
    }
}
