package dev.gastown.core.testing;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.work.FormulaPours;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import java.util.List;
import java.util.Map;

/**
 * Agent sessions for gt-core tests, where the scripted agent (in gt-cli) is out of reach: every role runs a shell
 * script instead, in real tmux on the town's own socket (kill it after the test: TownTmux.of(town).killServer()).
 */
public final class FakeAgents {
    private FakeAgents() {
    }

    /** The town's sessions, every agent being {@code sh -c script}; {@code daemon} goes to the daemon settings. */
    public static AgentSessions running(TownFixture f, String script, JsonObject daemon) {
        JsonFiles.write(f.town.settingsFile(), new JsonObject().put("default_agent", "scripted")
                .put("agents", new JsonObject().put("scripted", new JsonObject().put("command", "sh")
                        .put("args", new JsonArray().add("-c").add(script)).put("prompt_as_argument", true)
                        .put("ready_delay_ms", 0)))
                .put("daemon", daemon));
        return new AgentSessions(f.ledger(Address.OVERSEER), new AgentSessions.Launch(null, System.getenv("PATH")));
    }

    /** Files an issue in the fixture's rig and slings it (no workflow, no session) to a fresh polecat. */
    public static Address.Polecat slingNewIssue(TownFixture f, String title) {
        Ledger ledger = f.ledger(Address.OVERSEER);
        String issue = ledger.write(ledger.rig(TownFixture.RIG), tx -> IssueFactory.create(tx,
                ledger.rig(TownFixture.RIG), new NewIssue(title)).id());
        return (Address.Polecat) new Sling(ledger, new FormulaPours(f.town.root(), null), Address.OVERSEER)
                .sling(new SlingRequest(List.of(issue), TownFixture.RIG, Map.of(), null, null, true, "none", false))
                .get(0).agent();
    }
}
