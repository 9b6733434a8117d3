package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.tmux.Pane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "agents", description = "The town's agents: each session with its role, rig and state (and agents"
        + " whose session is gone); with a number or address, switch to (or attach) that session.",
        subcommands = AgentsCommand.Cycle.class)
final class AgentsCommand extends GtCommand {
    @Parameters(paramLabel = "N|ADDRESS", arity = "0..1")
    String pick;

    /** One line of the listing. */
    record Row(Address address, Optional<Pane> pane, Optional<AgentRecord> agent) {
        String group() {
            return switch (address.role()) {
                case MAYOR, DEACON, BOOT, DOG, OVERSEER -> "town";
                case WITNESS, REFINERY -> address.rig().orElseThrow() + "/rig";
                case POLECAT -> address.rig().orElseThrow() + "/polecats";
                case CREW -> address.rig().orElseThrow() + "/crew";
            };
        }

        JsonObject toJson() {
            return new JsonObject().put("address", address.toString()).put("role", address.role().key())
                    .put("rig", address.rig().orElse("")).put("session", SessionNames.of(address))
                    .put("running", pane.filter(p -> !p.dead()).isPresent())
                    .put("state", agent.map(a -> a.state().key()).orElse(""))
                    .put("hook", agent.flatMap(AgentRecord::hook).orElse(""));
        }
    }

    static List<Row> rows(AgentSessions sessions, Agents agents) {
        Map<String, Row> rows = new TreeMap<>();
        for (String name : sessions.sessions().list()) {
            SessionNames.parse(name).ifPresent(a -> rows.put(a.toString(), new Row(a, sessions.sessions().pane(name),
                    agents.find(a))));
        }
        for (AgentRecord r : agents.all()) {
            rows.putIfAbsent(r.address().toString(), new Row(r.address(), Optional.empty(), Optional.of(r)));
        }
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(Row::group).thenComparing(r -> r.address().toString()));
        return out;
    }

    @Override
    int execute() {
        AgentSessions sessions = agentSessions();
        List<Row> rows = rows(sessions, new Agents(ledger()));
        if (pick != null) {
            Address target = pick.matches("\\d+") ? rows.get(index(pick, rows.size())).address()
                    : new Directory(town()).resolve(pick);
            return attach(sessions, target);
        }
        if (json()) {
            JsonArray a = new JsonArray();
            rows.forEach(r -> a.add(r.toJson()));
            out().json(a);
        } else {
            for (int i = 0; i < rows.size(); i++) {
                JsonObject o = rows.get(i).toJson();
                out().line(String.format("%2d  %-30s %-8s %-9s %s", i + 1, o.string("address"),
                        o.get("running").asBoolean() ? "running" : "-", o.string("state"), o.string("hook")));
            }
        }
        return ExitCodes.OK;
    }

    private static int index(String n, int size) {
        int i = Integer.parseInt(n) - 1;
        if (i < 0 || i >= size) {
            throw new GtException("no agent number " + n + " (1.." + size + ")");
        }
        return i;
    }

    @Command(name = "cycle", description = "Switch a tmux client to the next (or previous) running agent of the"
            + " same group (bound to prefix+n and prefix+p in the town's tmux).")
    static final class Cycle extends GtCommand {
        @Parameters(paramLabel = "next|prev", defaultValue = "next")
        String direction;

        @Option(names = "--session", paramLabel = "NAME", required = true)
        String session;

        @Option(names = "--client", paramLabel = "TTY")
        String client;

        @Override
        int execute() {
            AgentSessions sessions = agentSessions();
            Address current = SessionNames.parse(session).orElseThrow(() -> new GtException(session
                    + " is not an agent session"));
            List<Row> all = rows(sessions, new Agents(ledger()));
            String group = new Row(current, Optional.empty(), Optional.empty()).group();
            List<Row> peers = all.stream().filter(r -> r.group().equals(group) && r.pane().isPresent()).toList();
            int at = 0;
            for (int i = 0; i < peers.size(); i++) {
                if (peers.get(i).address().equals(current)) {
                    at = i;
                }
            }
            if (peers.size() < 2) {
                return ExitCodes.OK;
            }
            int next = (at + (direction.equals("prev") ? peers.size() - 1 : 1)) % peers.size();
            List<String> args = new ArrayList<>(List.of("switch-client"));
            if (client != null && !client.isEmpty()) {
                args.addAll(List.of("-c", client));
            }
            args.addAll(List.of("-t", "=" + SessionNames.of(peers.get(next).address())));
            sessions.sessions().tmux().run(args.toArray(String[]::new));
            return ExitCodes.OK;
        }
    }
}
