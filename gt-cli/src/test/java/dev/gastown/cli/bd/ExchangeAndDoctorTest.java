package dev.gastown.cli.bd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeAndDoctorTest {
    @TempDir
    Path dir;
    Bd bd;

    @BeforeEach
    void init() {
        bd = new Bd(dir);
        bd.ok("init", "--prefix", "ex");
    }

    @Test
    void importReportsEveryBadLineAndWritesNothing() throws Exception {
        bd.create("Existing");
        Path jsonl = dir.resolve(".beads/issues.jsonl");
        String before = Files.readString(jsonl);
        Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"id\":\"ex-a\",\"title\":\"fine\",\"priority\":1,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}",
                "{\"id\":\"ex-b\",\"title\":",
                "{\"id\":\"ex-c\",\"title\":\"bad prio\",\"priority\":\"high\"}",
                "not json at all") + "\n");
        CliRun r = bd.run("import", "-i", "in.jsonl");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("in.jsonl:2:").contains("in.jsonl:3:").contains("in.jsonl:4:")
                .contains("field \"priority\"").contains("3 bad line(s)");
        assertThat(Files.readString(jsonl)).isEqualTo(before);
    }

    @Test
    void importIsLastWriterWinsAndNeverResurrectsTombstones() throws Exception {
        String a = bd.create("Original");
        String b = bd.create("To delete");
        bd.ok("delete", b);
        bd.ok("export", "-o", "snapshot.jsonl");
        List<String> lines = Files.readAllLines(dir.resolve("snapshot.jsonl"));
        String newer = lines.stream().filter(l -> l.contains(a)).findFirst().orElseThrow()
                .replace("Original", "Renamed").replaceAll("\"updated_at\":\"[^\"]+\"", "\"updated_at\":\"2099-01-01T00:00:00Z\"");
        String older = lines.stream().filter(l -> l.contains(b)).findFirst().orElseThrow()
                .replace("\"status\":\"tombstone\"", "\"status\":\"open\"")
                .replaceAll("\"updated_at\":\"[^\"]+\"", "\"updated_at\":\"2099-01-01T00:00:00Z\"");
        String fresh = "{\"id\":\"ex-new1\",\"title\":\"New\",\"status\":\"open\",\"priority\":2,\"issue_type\":\"task\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}";
        Files.writeString(dir.resolve("in.jsonl"), newer + "\n" + older + "\n" + fresh + "\n");
        String out = bd.ok("import", "-i", "in.jsonl", "--json");
        assertThat(out).contains("\"created\": 1").contains("\"updated\": 1").contains("\"skipped_tombstoned\": 1");
        assertThat(bd.ok("show", a, "--short")).contains("Renamed");
        assertThat(bd.ok("show", b, "--short")).contains("tombstone");
    }

    @Test
    void aBadLineInTheStoreIsNamedAndDoctorListsThemAll() throws Exception {
        bd.create("One");
        Path jsonl = dir.resolve(".beads/issues.jsonl");
        Files.writeString(jsonl, Files.readString(jsonl) + "{broken\n" + "{\"id\":\"ex-x\"}\n");
        CliRun list = bd.run("list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).contains("issues.jsonl:2:");
        CliRun create = bd.run("create", "Should not be written");
        assertThat(create.exitCode()).isEqualTo(1);
        CliRun doctor = bd.run("doctor");
        assertThat(doctor.exitCode()).isEqualTo(1);
        assertThat(doctor.out()).contains("issues.jsonl:2:").contains("issues.jsonl:3:").contains("missing \"title\"");
        assertThat(Files.readAllLines(jsonl)).hasSize(3);
    }

    @Test
    void doctorFixFoldsTheJournalIn() throws Exception {
        bd.ok("config", "set", "compaction.inline-max-bytes", "-1");
        bd.create("Journalled");
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).isEmpty();
        assertThat(bd.ok("doctor")).contains("not yet folded");
        bd.ok("doctor", "--fix");
        assertThat(Files.readString(dir.resolve(".beads/issues.jsonl"))).contains("Journalled");
    }
}
