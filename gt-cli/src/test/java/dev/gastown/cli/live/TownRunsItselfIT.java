package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.Bd;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.daemon.Daemon;
import dev.gastown.core.daemon.DaemonFiles;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.tmux.Pane;
import dev.gastown.tmux.Pause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's end-to-end run: after {@code gt up} and nothing else, the Deacon dispatches a stranded convoy of five
 * issues to polecats, they work and submit, the Refinery merges, the Witness nukes finished polecats, and the convoy
 * lands with a notice for the Overseer. Meanwhile a polecat's agent, the Witness's agent and the daemon itself are
 * killed with SIGKILL at random moments; the work still completes, each issue merged exactly once.
 */
class TownRunsItselfIT {
    static final String RIG = "gastown";
    static final int ISSUES = 5;

    @TempDir
    Path tmp;

    @Test
    void aConvoyLandsWithNoCommandsAfterGtUpDespiteKills() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            Bd bd = t.addRig(RIG);
            JsonObject settings = JsonFiles.readIfExists(t.town.settingsFile()).orElseGet(JsonObject::new);
            settings.put("daemon", new JsonObject().put("heartbeat_seconds", 2).put("boot_interval_seconds", 20)
                    .put("stale_nudge_seconds", 90).put("stale_restart_seconds", 180)
                    .put("patrol_backoff_max_seconds", 4));
            JsonFiles.write(t.town.settingsFile(), settings);
            List<String> issues = LiveTown.featureIssues(bd, ISSUES, "sleep 2\n");
            Ledger ledger = new Ledger(t.town, "overseer", "");
            String convoy = new Convoys(ledger).create("Five features", issues, Address.OVERSEER, "Five features");

            t.gt.ok("up");
            Random random = new Random();
            Address polecat = killAgentOfFirst(t, name -> name.startsWith("gt-" + RIG + "-")
                    && !name.endsWith("-witness") && !name.endsWith("-refinery"), random);
            Address witness = killAgentOfFirst(t, name -> name.equals(SessionNames.of(new Address.Witness(RIG))),
                    random);
            long daemonPid = Daemon.status(t.town).pid();
            assertThat(daemonPid).isPositive();
            Pause.millis(random.nextInt(3000));
            new ProcessBuilder("kill", "-9", Long.toString(daemonPid)).start().waitFor();

            LiveTown.waitFor("the convoy to land", Duration.ofMinutes(8),
                    () -> ledger.read(ledger.hq(), v -> v.get(convoy)).status().name().equals("closed"),
                    () -> story(t));
            LiveTown.waitFor("a daemon again", Duration.ofMinutes(2), () -> {
                Daemon.Status s = Daemon.status(t.town);
                return s.running() && s.pid() != daemonPid;
            }, () -> story(t));

            Path check = tmp.resolve("check");
            Git.run(tmp, "clone", "-q", t.remote.toString(), check.toString());
            for (int n = 1; n <= ISSUES; n++) {
                assertThat(Files.readString(check.resolve("feature-" + n + ".txt"))).isEqualTo("feature " + n + "\n");
            }
            LiveTown.waitFor("the Witness to nuke every finished polecat", Duration.ofMinutes(3),
                    () -> ((JsonArray) t.gt.run("polecat", "list", RIG, "--json").ok().json()).size() == 0,
                    () -> story(t));
            List<Event> events = new EventLog(t.town).readAll();
            for (String issue : issues) {
                assertThat(bd.run("show", issue, "--json").ok().json().asArray().get(0).asObject().string("status"))
                        .isEqualTo("closed");
                assertThat(events.stream().filter(e -> e.type().equals("merged")
                        && e.payload().string("issue").equals(issue))).as(() -> story(t) + "\n=== events\n"
                        + events.stream().map(e -> e.type() + " " + e.actor() + " " + e.payload().toJson())
                        .reduce("", (a, b) -> a + "\n" + b)).hasSize(1);
            }
            assertThat(Git.run(check, "log", "--format=%s").split("\n")).hasSizeGreaterThanOrEqualTo(ISSUES + 1);
            assertThat(new Mailboxes(ledger).inbox(Address.OVERSEER, true)).extracting(Message::subject)
                    .contains("🚚 Convoy landed: Five features");
            assertThat(((JsonArray) bd.run("list", "--all", "--type", "merge-request", "--json").ok().json()).size())
                    .isEqualTo(ISSUES);
            // each killed agent came back: a second session recorded itself (the daemon's own restart event can be
            // lost when the daemon is killed between the respawn and writing it)
            for (Address killed : List.of(polecat, witness)) {
                assertThat(events.stream().filter(e -> e.type().equals("session_start")
                        && e.payload().string("address").equals(killed.toString()))).as(killed.toString())
                        .hasSizeGreaterThanOrEqualTo(2);
            }

            String status = t.gt.run("status").ok().out();
            assertThat(status).contains("daemon: running").contains(RIG + "/witness (re)started")
                    .contains("0 open issue(s)").contains("Recently:").contains("\"Five features\" landed");
        }
    }

    /** Waits for a session matching {@code which}, lets it work a random moment, then kills its agent with -9. */
    private static Address killAgentOfFirst(LiveTown t, java.util.function.Predicate<String> which, Random random)
            throws Exception {
        String[] found = {null};
        LiveTown.waitFor("a session to kill", Duration.ofMinutes(3), () -> {
            found[0] = TownTmux.sessions(t.town).list().stream().filter(which).findFirst().orElse(null);
            return found[0] != null;
        }, () -> story(t));
        Pause.millis(1000 + random.nextInt(4000));
        Optional<Pane> pane = TownTmux.sessions(t.town).pane(found[0]);
        assertThat(pane).isPresent();
        new ProcessBuilder("kill", "-9", Long.toString(pane.get().pid())).start().waitFor();
        return SessionNames.parse(found[0]).orElseThrow();
    }

    /** What a person would look at when the run does not finish: gt status, the daemon's log, every screen. */
    private static String story(LiveTown t) {
        StringBuilder s = new StringBuilder("\n=== gt status\n").append(t.gt.run("status").out());
        s.append("\n=== mq\n").append(t.gt.run("mq", "list", RIG).out());
        try {
            List<String> log = Files.readAllLines(DaemonFiles.of(t.town).log());
            s.append("\n=== daemon log (tail)\n").append(String.join("\n", log.subList(Math.max(0, log.size() - 40),
                    log.size())));
        } catch (java.io.IOException e) {
            s.append("\n(no daemon log: ").append(e.getMessage()).append(')');
        }
        for (String session : TownTmux.sessions(t.town).list()) {
            String target = SessionNames.parse(session).map(Object::toString).orElse(session);
            s.append("\n=== ").append(session).append('\n').append(t.gt.run("peek", target, "-n", "25").out());
        }
        return s.toString();
    }
}
