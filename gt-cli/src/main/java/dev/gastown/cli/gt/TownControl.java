package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.GtException;
import dev.gastown.core.daemon.DaemonFiles;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.Pane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Starting and stopping the town's agents in order, shared by gt up, gt start, gt down and gt shutdown. */
final class TownControl {
    private final GtCommand cmd;
    private final JsonArray report = new JsonArray();

    TownControl(GtCommand cmd) {
        this.cmd = cmd;
    }

    JsonArray report() {
        return report;
    }

    /** The Deacon first, then the Mayor, then each rig's Witness and Refinery. */
    static List<Address> townAgents(Town town, boolean rigs) {
        List<Address> out = new ArrayList<>(List.of(Address.DEACON, Address.MAYOR));
        if (rigs) {
            for (Rig r : Rig.all(town)) {
                out.add(new Address.Witness(r.name()));
                out.add(new Address.Refinery(r.name()));
            }
        }
        return out;
    }

    /** Ensures each agent runs; a failure is reported and the rest still start. Returns whether all started. */
    boolean start(List<Address> agents) {
        AgentSessions sessions = cmd.agentSessions();
        boolean ok = true;
        for (Address a : agents) {
            String topic = a.role() == dev.gastown.core.identity.Role.MAYOR ? "cold-start" : "patrol";
            try {
                Pane p = sessions.ensure(a, cmd.me(), topic);
                note(a, "running", "pane " + p.id());
            } catch (GtException e) {
                ok = false;
                note(a, "failed", e.getMessage());
            }
        }
        return ok;
    }

    void stop(List<Address> agents, String reason) {
        AgentSessions sessions = cmd.agentSessions();
        for (Address a : agents) {
            note(a, sessions.stop(a, reason) ? "stopped" : "not running", "");
        }
    }

    /** Every agent session on the town's server, Deacon and Boot first (so nothing restarts the rest), Mayor last. */
    List<Address> allRunning() {
        List<Address> all = new ArrayList<>();
        for (String name : cmd.agentSessions().sessions().list()) {
            SessionNames.parse(name).ifPresent(all::add);
        }
        all.sort(java.util.Comparator.comparingInt(a -> switch (a.role()) {
            case DEACON, BOOT -> 0;
            case MAYOR -> 2;
            default -> 1;
        }));
        return all;
    }

    static void shuttingDown(Town town, boolean on) {
        DaemonFiles files = DaemonFiles.of(town);
        try {
            if (on) {
                Files.createDirectories(files.dir());
                Files.writeString(files.shuttingDown(), java.time.Instant.now() + "\n");
            } else {
                Files.deleteIfExists(files.shuttingDown());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + files.shuttingDown(), e);
        }
    }

    void note(Address a, String state, String detail) {
        report.add(new JsonObject().put("agent", a.toString()).put("state", state).put("detail", detail));
        cmd.out().line(String.format("%-28s %s%s", a, state, detail.isEmpty() ? "" : " (" + detail + ")"));
    }
}
