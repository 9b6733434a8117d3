package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scripted agent that hands off every two steps walks a six-step molecule across three sessions in the same
 * pane: every step runs exactly once, in order, and each new session starts at the step after the last closed one.
 */
class HandoffIT {
    @TempDir
    Path tmp;

    @Test
    void handoffMidMoleculeResumesAtTheRightStep() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of("GT_SCRIPTED_HANDOFF_EVERY", "2"))) {
            Path log = t.town.root().resolve("steps.log");
            StringBuilder formula = new StringBuilder("formula = \"six-steps\"\ntype = \"workflow\"\nversion = 1\n");
            for (int i = 1; i <= 6; i++) {
                formula.append("\n[[steps]]\nid = \"s").append(i).append("\"\ntitle = \"Step ").append(i)
                        .append("\"\n").append(i > 1 ? "needs = [\"s" + (i - 1) + "\"]\n" : "")
                        .append("description = \"\"\"\nRecord the step.\n```sh\necho step-").append(i)
                        .append(" >> ").append(log).append("\n```\n\"\"\"\n");
            }
            Files.createDirectories(t.town.root().resolve(".beads/formulas"));
            Files.writeString(t.town.root().resolve(".beads/formulas/six-steps.formula.toml"), formula);
            t.gt.ok("sling", "six-steps", "mayor/", "--naked");
            t.gt.ok("mayor", "start");
            LiveTown.waitFor("all six steps", Duration.ofSeconds(120), () -> lines(log).size() >= 6
                    && t.gt.run("hook", "--target", "mayor/", "--json").out().contains("\"complete\": true"));
            assertThat(lines(log)).containsExactly("step-1", "step-2", "step-3", "step-4", "step-5", "step-6");
            List<Event> handoffs = new EventLog(t.town).readAll().stream()
                    .filter(e -> e.type().equals("handoff")).toList();
            assertThat(handoffs).hasSizeGreaterThanOrEqualTo(2);
            List<JsonObject> closed = t.transcripts().stream().filter(e -> e.string("kind").equals("closed"))
                    .toList();
            assertThat(closed).extracting(e -> e.string("text").replaceAll("^\\S+ ", ""))
                    .containsExactly("Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6");
            assertThat(closed.stream().map(e -> e.string("session")).distinct().count()).isGreaterThanOrEqualTo(3);
            assertThat(closed.get(2).string("session")).isNotEqualTo(closed.get(1).string("session"));
        }
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
