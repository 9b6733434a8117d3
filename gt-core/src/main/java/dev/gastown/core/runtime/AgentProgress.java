package dev.gastown.core.runtime;

import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.identity.Address;
import dev.gastown.core.work.Hooked;
import dev.gastown.tmux.Pane;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When an agent with work last showed a sign of progress: the latest of its hooked bead's update, its agent bead's
 * update, any update to a step of the hooked molecule, and the last output in its pane. The daemon (stale agents)
 * and the Witness (stuck polecats) both judge by it.
 */
public final class AgentProgress {
    private AgentProgress() {
    }

    public static Instant last(AgentSessions sessions, Address a, Hooked work, Pane pane) {
        Instant bead = work.bead().updatedAt().toInstant();
        Optional<AgentRecord> agent = new Agents(sessions.ledger()).find(a);
        Instant agentBead = agent.map(r -> r.updatedAt().toInstant()).orElse(Instant.EPOCH);
        Instant step = work.molecule().map(m -> sessions.ledger().read(work.store(), v -> {
            Instant[] latest = {Instant.EPOCH};
            v.forEachChild(m, row -> {
                Instant t = Instant.ofEpochSecond(0, row.updatedMicros() * 1000);
                if (t.isAfter(latest[0])) {
                    latest[0] = t;
                }
            });
            return latest[0];
        })).orElse(Instant.EPOCH);
        return Stream.of(bead, agentBead, step, sessions.activity(pane)).max(Instant::compareTo).orElse(bead);
    }
}
