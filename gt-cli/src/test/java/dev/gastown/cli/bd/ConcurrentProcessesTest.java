package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.testing.JavaProcess;
import dev.gastown.cli.testing.Bd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sixteen processes create and close issues in one store at the same time; nothing may be lost or doubled. */
class ConcurrentProcessesTest {
    private static final int WORKERS = 16;
    private static final int PER_WORKER = 6;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "inline-max-bytes={0}")
    @ValueSource(strings = {"2097152", "-1"})
    void sixteenWritersLoseNothing(String inlineMaxBytes) throws Exception {
        Bd bd = new Bd(dir);
        bd.ok("init", "--prefix", "cc");
        bd.ok("config", "set", "compaction.inline-max-bytes", inlineMaxBytes);
        bd.ok("config", "set", "compaction.journal-max-changes", "11");
        List<Process> procs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            procs.add(JavaProcess.start(dir, ConcurrentBdWriter.class, Integer.toString(w),
                    Integer.toString(PER_WORKER)));
        }
        Set<String> reported = new HashSet<>();
        for (Process p : procs) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(err).isZero();
            for (String id : out.strip().split("\n")) {
                assertThat(reported.add(id)).as("id %s handed out twice", id).isTrue();
            }
        }
        assertThat(reported).hasSize(WORKERS * PER_WORKER);
        bd.ok("flush");
        List<JsonValue> all = bd.run("list", "--all", "-n", "0", "--json").ok().json().asArray().items();
        assertThat(all).hasSize(WORKERS * PER_WORKER);
        Set<String> stored = new HashSet<>();
        for (JsonValue v : all) {
            assertThat(v.asObject().string("status")).isEqualTo("closed");
            assertThat(v.asObject().string("close_reason")).startsWith("done by ");
            stored.add(v.asObject().string("id"));
        }
        assertThat(stored).isEqualTo(reported);
        assertThat(Files.readAllLines(dir.resolve(".beads/issues.jsonl"))).hasSize(WORKERS * PER_WORKER);
        assertThat(bd.run("doctor").exitCode()).isZero();
    }
}
