package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.daemon.Daemon;
import dev.gastown.core.daemon.DaemonFiles;
import dev.gastown.core.daemon.DaemonLog;
import dev.gastown.core.daemon.Heartbeat;
import dev.gastown.core.daemon.LogFollower;
import dev.gastown.core.daemon.RestartTracker;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.SessionMailNotifier;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.Pause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "daemon", description = "The town's daemon: keeps the Deacon, Witnesses, Refineries and working"
        + " polecats running (restarts back off; crash loops are blocked and escalated), runs Boot, handles LIFECYCLE"
        + " mail. One per town. Without a resident daemon, cron can run 'gt daemon tick'.",
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class,
                DaemonCommand.Logs.class, DaemonCommand.Run.class, DaemonCommand.Tick.class,
                DaemonCommand.Unblock.class})
final class DaemonCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    /** Starts a detached daemon process and waits until it holds its lock; returns its pid. */
    static long startDetached(GtCommand cmd) {
        Town town = cmd.town();
        Daemon.Status before = Daemon.status(town);
        if (before.running()) {
            return before.pid();
        }
        String scripts = System.getProperty("gastown.scripts", cmd.env().get("GASTOWN_SCRIPTS"));
        if (scripts.isEmpty()) {
            throw new CliException("cannot find the gt launcher to start the daemon with (run gt from its install)",
                    ExitCodes.FAILURE);
        }
        DaemonFiles files = DaemonFiles.of(town);
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            argv.add("/usr/bin/setsid"); // its own session: a closing terminal does not take the daemon down
        }
        argv.addAll(List.of(Path.of(scripts, "gt").toString(), "daemon", "run"));
        try {
            Files.createDirectories(files.dir());
            DaemonLog.rotateOut(files);
            ProcessBuilder pb = new ProcessBuilder(argv).directory(town.root().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(files.out().toFile()))
                    .redirectErrorStream(true);
            pb.environment().putAll(cmd.env().env());
            pb.environment().put("GT_ROOT", town.root().toString());
            pb.start();
        } catch (IOException e) {
            throw new CliException("cannot start the daemon: " + e.getMessage(), ExitCodes.FAILURE);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Daemon.Status s = Daemon.status(town);
            if (s.running() && s.pid() > 0) {
                return s.pid();
            }
            Pause.millis(100);
        }
        throw new CliException("the daemon did not come up within 20 s; see " + files.out() + " and " + files.log(),
                ExitCodes.FAILURE);
    }

    /** Stops the daemon (TERM, then KILL after 10 s); false when none ran. */
    static boolean stopDaemon(Town town) {
        Daemon.Status s = Daemon.status(town);
        if (!s.running()) {
            return false;
        }
        ProcessHandle.of(s.pid()).ifPresent(p -> {
            p.destroy();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (p.isAlive() && System.nanoTime() < deadline) {
                Pause.millis(100);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (Daemon.status(town).running() && System.nanoTime() < deadline) {
            Pause.millis(100);
        }
        return true;
    }

    @Command(name = "start", description = "Start the daemon in the background (nothing happens if it runs).")
    static final class Start extends GtCommand {
        @Override
        int execute() {
            if (Files.exists(DaemonFiles.of(town()).shuttingDown())) {
                throw new CliException("the town is shutting down, so the daemon stays stopped (gt up clears the"
                        + " shutdown and starts it)", ExitCodes.FAILURE);
            }
            long pid = startDetached(this);
            if (json()) {
                out().json(new JsonObject().put("running", true).put("pid", pid));
            } else {
                out().line("Daemon running (pid " + pid + "); log: " + DaemonFiles.of(town()).log());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the daemon (its agents keep running).")
    static final class Stop extends GtCommand {
        @Override
        int execute() {
            boolean was = stopDaemon(town());
            out().line(was ? "Daemon stopped." : "No daemon was running.");
            if (json()) {
                out().json(new JsonObject().put("was_running", was));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Whether the daemon runs, its pid and heartbeats, and blocked agents.")
    static final class Status extends GtCommand {
        @Override
        int execute() {
            Daemon.Status s = Daemon.status(town());
            JsonObject o = s.toJson();
            JsonArray blocked = new JsonArray();
            RestartTracker.load(DaemonFiles.of(town()).restarts()).all().forEach((k, v) -> {
                if (v.blocked()) {
                    blocked.add(k);
                }
            });
            boolean shuttingDown = Files.exists(DaemonFiles.of(town()).shuttingDown());
            o.put("blocked", blocked).put("shutting_down", shuttingDown);
            if (json()) {
                out().json(o);
            } else {
                out().line(s.running() ? "Daemon running (pid " + s.pid() + "), " + o.get("heartbeat_count").toJson()
                        + " heartbeats, last " + o.string("last_heartbeat") : "Daemon not running.");
                if (shuttingDown) {
                    out().line("The town is shut down (gt down / gt shutdown): heartbeats restart nothing until gt up"
                            + " or gt start.");
                }
                blocked.forEach(b -> out().line("Blocked (crash loop): " + b.asString()
                        + " — gt daemon unblock " + b.asString()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "logs", description = "The daemon's log (daemon/daemon.log): its last lines, and with -f what is"
            + " written next, following the log across rotations.")
    static final class Logs extends GtCommand {
        @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "50", description = "How many of the last"
                + " lines to print (default 50).")
        int lines;

        @Option(names = {"-f", "--follow"}, description = "Keep printing new lines; after a rotation, the rest of the"
                + " old file, then the new one from its start.")
        boolean follow;

        @Override
        int execute() {
            try (LogFollower log = new LogFollower(DaemonFiles.of(town()).log())) {
                List<String> all = log.poll();
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out().out()::println);
                out().out().flush();
                while (follow) {
                    Pause.millis(500);
                    List<String> more = log.poll();
                    if (!more.isEmpty()) {
                        more.forEach(out().out()::println);
                        out().out().flush();
                    }
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "run", description = "Run the daemon in this process, in the foreground (gt daemon start runs"
            + " this detached).")
    static final class Run extends GtCommand {
        @Override
        int execute() {
            Daemon.run(town(), () -> {
                Ledger fresh = new Ledger(town(), "daemon", "");
                String scripts = System.getProperty("gastown.scripts", env().get("GASTOWN_SCRIPTS"));
                AgentSessions s = new AgentSessions(fresh, new AgentSessions.Launch(scripts.isEmpty() ? null
                        : Path.of(scripts), env().get("PATH")));
                fresh.notifyMailWith(new SessionMailNotifier(() -> s, w -> DaemonLog.append(DaemonFiles.of(town()),
                        List.of("warning: " + w))));
                return s;
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "tick", description = "Run one heartbeat now and exit (for cron, or to act at once).")
    static final class Tick extends GtCommand {
        @Override
        int execute() {
            List<Heartbeat.Action> actions = Daemon.tick(agentSessions());
            if (json()) {
                JsonArray a = new JsonArray();
                actions.forEach(x -> a.add(x.toJson()));
                out().json(a);
            } else if (actions.isEmpty()) {
                out().line("All as it should be.");
            } else {
                actions.forEach(x -> out().line(x.toString()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "unblock", description = "Clear an agent's restart history and crash-loop block.")
    static final class Unblock extends GtCommand {
        @Parameters(paramLabel = "ADDRESS")
        String target;

        @Override
        int execute() {
            Address a = new Directory(town()).resolve(target);
            RestartTracker.load(DaemonFiles.of(town()).restarts()).clear(a.toString());
            out().line("The daemon will restart " + a + " again when needed.");
            return ExitCodes.OK;
        }
    }
}
