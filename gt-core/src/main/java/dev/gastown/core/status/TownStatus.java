package dev.gastown.core.status;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.daemon.Daemon;
import dev.gastown.core.daemon.DaemonFiles;
import dev.gastown.core.daemon.RestartTracker;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.events.FeedLine;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.JsonFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gt status}: the town at a glance. Each agent with whether its session runs (one tmux call for all), its
 * recorded state, its hook and its unread mail (one scan of the town store for all); per rig the merge queue and
 * open issues; open convoys.
 */
public final class TownStatus {
    /** One agent's line. */
    public record AgentLine(Address address, boolean running, String state, String hook, int unread) {
        JsonObject toJson() {
            return new JsonObject().put("address", address.toString()).put("session", SessionNames.of(address))
                    .put("running", running).put("state", state).put("hook", hook).put("unread_mail", unread);
        }
    }

    /** One rig's block. */
    public record RigLine(String name, String prefix, List<AgentLine> agents, int openIssues, int openMergeRequests) {
        JsonObject toJson() {
            JsonArray a = new JsonArray();
            agents.forEach(x -> a.add(x.toJson()));
            return new JsonObject().put("name", name).put("prefix", prefix).put("agents", a)
                    .put("open_issues", openIssues).put("open_merge_requests", openMergeRequests);
        }
    }

    /** The daemon: whether it runs, its last heartbeat, and the restarts it made per agent (blocked ones marked). */
    public record DaemonLine(boolean running, long pid, String lastHeartbeat, Map<String, RestartTracker.Record>
            restarts) {
        JsonObject toJson() {
            JsonObject r = new JsonObject();
            restarts.forEach((agent, rec) -> r.put(agent, rec.toJson()));
            return new JsonObject().put("running", running).put("pid", pid).put("last_heartbeat", lastHeartbeat)
                    .put("restarts", r);
        }

        String line() {
            StringBuilder s = new StringBuilder("  daemon: ").append(running ? "running (pid " + pid + ")"
                    : "not running").append(lastHeartbeat.isEmpty() ? "" : " · last heartbeat " + lastHeartbeat);
            restarts.forEach((agent, rec) -> s.append(" · ").append(agent).append(" (re)started ")
                    .append(rec.restarts().size()).append('×').append(rec.blocked() ? " (BLOCKED)" : ""));
            return s.toString();
        }
    }

    /** The whole picture, with the latest events that tell what happened lately. */
    public record Snapshot(String town, String root, DaemonLine daemon, List<AgentLine> townAgents,
            List<RigLine> rigs, int openConvoys, int overseerUnread, List<Event> recent) {
        public JsonObject toJson() {
            JsonArray agents = new JsonArray();
            townAgents.forEach(a -> agents.add(a.toJson()));
            JsonArray rigArray = new JsonArray();
            rigs.forEach(r -> rigArray.add(r.toJson()));
            JsonArray events = new JsonArray();
            recent.forEach(e -> events.add(e.toJson()));
            return new JsonObject().put("town", town).put("root", root).put("daemon", daemon.toJson())
                    .put("agents", agents).put("rigs", rigArray).put("open_convoys", openConvoys)
                    .put("overseer_unread_mail", overseerUnread).put("recent", events);
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("Town " + town + " (" + root + ")");
            out.add(daemon.line());
            out.add("  overseer: " + overseerUnread + " unread mail · " + openConvoys + " open convoy(s)");
            townAgents.forEach(a -> out.add(line(a)));
            for (RigLine r : rigs) {
                out.add("Rig " + r.name() + " (" + r.prefix() + "-): " + r.openIssues() + " open issue(s), "
                        + r.openMergeRequests() + " in the merge queue");
                r.agents().forEach(a -> out.add(line(a)));
            }
            if (!recent.isEmpty()) {
                out.add("Recently:");
                recent.forEach(e -> out.add("  " + FeedLine.of(e)));
            }
            return out;
        }

        private static String line(AgentLine a) {
            return String.format("  %-30s %-8s %-9s %-14s %s", a.address(), a.running() ? "running" : "-",
                    a.state(), a.hook().isEmpty() ? "-" : a.hook(), a.unread() == 0 ? "" : a.unread() + " unread");
        }
    }

    private static final int RECENT = 12;
    private static final Set<String> STORY = Set.of("daemon_start", "agent_restarted", "sling", "done", "merged",
            "merge_failed", "nuke", "convoy_landed", "escalation_sent", "handoff");

    private final Ledger ledger;

    public TownStatus(Ledger ledger) {
        this.ledger = ledger;
    }

    public Snapshot snapshot() {
        Set<String> running = new HashSet<>(TownTmux.sessions(ledger.town()).list());
        Map<String, AgentRecord> agents = new HashMap<>();
        new Agents(ledger).all().forEach(a -> agents.put(a.address().toString(), a));
        Map<String, Integer> unread = new HashMap<>();
        int[] convoys = {0};
        BeadsContext hq = ledger.hq();
        ledger.read(hq, v -> {
            v.forEachActive(row -> {
                if (row.type().equals(IssueType.MESSAGE)) {
                    unread.merge(row.assignee(), 1, Integer::sum);
                } else if (row.type().equals(IssueType.CONVOY)) {
                    convoys[0]++;
                }
            });
            return null;
        });
        List<AgentLine> town = new ArrayList<>();
        for (Address a : List.of(Address.MAYOR, Address.DEACON, Address.BOOT)) {
            town.add(line(a, running, agents, unread));
        }
        FileTrees.namedChildren(ledger.town().dogsDir()).stream().filter(n -> !n.equals("boot"))
                .forEach(n -> town.add(line(new Address.Dog(n), running, agents, unread)));
        List<RigLine> rigs = new ArrayList<>();
        for (Rig rig : Rig.all(ledger.town())) {
            rigs.add(rig(rig, running, agents, unread));
        }
        String name = JsonFiles.readIfExists(ledger.town().townJson()).map(o -> o.string("name")).orElse("");
        return new Snapshot(name, ledger.town().root().toString(), daemon(), town, rigs, convoys[0],
                unread.getOrDefault(Address.OVERSEER.toString(), 0), recent());
    }

    private DaemonLine daemon() {
        Daemon.Status d = Daemon.status(ledger.town());
        return new DaemonLine(d.running(), d.pid(), d.state().string("last_heartbeat"),
                RestartTracker.load(DaemonFiles.of(ledger.town()).restarts()).all());
    }

    /** The last few events that change the story: starts and restarts, merges and failures, landings, escalations. */
    private List<Event> recent() {
        List<Event> story = new EventLog(ledger.town()).tail(256 * 1024).stream()
                .filter(e -> STORY.contains(e.type())).toList();
        return story.subList(Math.max(0, story.size() - RECENT), story.size());
    }

    private RigLine rig(Rig rig, Set<String> running, Map<String, AgentRecord> agents, Map<String, Integer> unread) {
        List<AgentLine> lines = new ArrayList<>();
        lines.add(line(new Address.Witness(rig.name()), running, agents, unread));
        lines.add(line(new Address.Refinery(rig.name()), running, agents, unread));
        FileTrees.namedChildren(rig.layout().polecatsDir()).forEach(n -> lines.add(line(new Address.Polecat(
                rig.name(), n), running, agents, unread)));
        FileTrees.namedChildren(rig.layout().crewDir()).forEach(n -> lines.add(line(new Address.Crew(rig.name(), n),
                running, agents, unread)));
        int[] counts = {0, 0};
        BeadsContext store = ledger.rig(rig.name());
        ledger.read(store, v -> {
            v.forEachActive(row -> {
                if (row.type().equals(IssueType.MERGE_REQUEST)) {
                    counts[1]++;
                } else if (!row.ephemeral() && !IssueType.NOT_WORK.contains(row.type()) && !row.template()) {
                    counts[0]++;
                }
            });
            return null;
        });
        return new RigLine(rig.name(), rig.prefix(), lines, counts[0], counts[1]);
    }

    private static AgentLine line(Address a, Set<String> running, Map<String, AgentRecord> agents,
            Map<String, Integer> unread) {
        Optional<AgentRecord> r = Optional.ofNullable(agents.get(a.toString()));
        return new AgentLine(a, running.contains(SessionNames.of(a)), r.map(x -> x.state().key()).orElse("-"),
                r.flatMap(AgentRecord::hook).orElse(""), unread.getOrDefault(a.toString(), 0));
    }
}
