package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.tmux.Pane;
import dev.gastown.tmux.Pause;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hanoi durability demo through a real agent: a polecat walks the shipped {@code towers-of-hanoi} wisp in tmux,
 * applying each step to simulated pegs ({@code gt agent pegs}, which refuses an illegal move), handing off every few
 * steps, and is killed with SIGKILL mid-run; a cron-style {@code gt daemon tick} restarts it (and brings up the rest
 * of the town, whose patrols run alongside), and it finishes with
 * the tower verified on the target peg, every step closed exactly once, in order.
 */
class HanoiAgentIT {
    static final String RIG = "gastown";
    static final int DISKS = 4;

    @TempDir
    Path tmp;

    @Test
    void aKilledAgentThatHandsOffStillSolvesTheTowerLegally() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of("GT_SCRIPTED_HANDOFF_EVERY", "4"))) {
            t.addRig(RIG);
            JsonObject slung = ((JsonArray) t.gt.run("sling", "towers-of-hanoi", RIG, "--var", "disks=" + DISKS,
                    "--json").ok().json()).get(0).asObject();
            Address.Polecat polecat = (Address.Polecat) Address.parse(slung.string("agent"));
            String molecule = slung.string("molecule").isEmpty() ? slung.string("bead") : slung.string("molecule");
            Path pegsFile = t.town.home(polecat).resolve(".hanoi").resolve(molecule + ".json");

            LiveTown.waitFor("a few moves", Duration.ofSeconds(90), () -> moves(pegsFile) >= 3,
                    () -> t.gt.run("peek", polecat.toString(), "-n", "30").out());
            Pause.millis(new Random().nextInt(2000));
            Optional<Pane> pane = TownTmux.sessions(t.town).pane(SessionNames.of(polecat));
            assertThat(pane).isPresent();
            new ProcessBuilder("kill", "-9", Long.toString(pane.get().pid())).start().waitFor();
            long movesAtKill = moves(pegsFile);

            LiveTown.waitFor("the tower verified and its step closed", Duration.ofMinutes(4), () -> {
                t.gt.run("daemon", "tick");
                List<String> closed = hanoiStepsClosed(t);
                return verified(pegsFile) && !closed.isEmpty() && closed.get(closed.size() - 1).contains("Verify");
            }, () -> t.gt.run("peek", polecat.toString(), "-n", "40").out());

            JsonObject pegs = JsonFiles.read(pegsFile);
            assertThat(pegs.get("moves").asLong()).isEqualTo((1L << DISKS) - 1);
            assertThat(pegs.get("pegs").asObject().get("C").asArray().size()).isEqualTo(DISKS);
            assertThat(movesAtKill).isLessThan((1L << DISKS) - 1);
            assertThat(new EventLog(t.town).readAll()).anyMatch(e -> e.type().equals("agent_restarted")
                    && e.payload().string("target").equals(polecat.toString()));
            assertThat(new EventLog(t.town).readAll().stream().filter(e -> e.type().equals("handoff")))
                    .hasSizeGreaterThanOrEqualTo(2);
            List<String> closed = hanoiStepsClosed(t);
            assertThat(closed).hasSize((1 << DISKS) + 1);
            assertThat(closed.stream().map(c -> c.split(" ")[0])).doesNotHaveDuplicates();
            assertThat(closed.get(0)).endsWith("Set up " + DISKS + " disks on peg A");
            assertThat(closed.get(closed.size() - 1)).endsWith("Verify the tower is on peg C");
        }
    }

    /** The Hanoi steps the agent closed, as "ID TITLE", in the order it closed them (patrols close steps too). */
    private static List<String> hanoiStepsClosed(LiveTown t) {
        try {
            return t.transcripts().stream().filter(e -> e.string("kind").equals("closed")).map(e -> e.string("text"))
                    .filter(c -> c.matches("\\S+ (Set up|Move disk|Verify the tower).*")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long moves(Path pegsFile) {
        return JsonFiles.readIfExists(pegsFile).map(o -> o.get("moves").asLong()).orElse(0L);
    }

    private static boolean verified(Path pegsFile) {
        return JsonFiles.readIfExists(pegsFile).map(o -> o.get("verified").asBoolean()).orElse(false);
    }
}
