package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.Bd;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's end-to-end run: three issues slung to a rig start three polecats, each a scripted agent in its own tmux
 * session. Each primes, walks {@code mol-polecat-work} (its implement step runs the issue's own commands), runs the
 * rig's tests, commits and runs {@code gt done}; the merge engine then merges all three and the convoy lands.
 */
class ThreePolecatsIT {
    static final String RIG = "gastown";

    @TempDir
    Path tmp;

    @Test
    void threeSlungIssuesAreWorkedInTmuxAndMerged() throws Exception {
        try (LiveTown t = LiveTown.create(tmp, Map.of())) {
            Bd bd = t.addRig(RIG);
            List<String> issues = LiveTown.featureIssues(bd, 3, "");
            Ledger ledger = new Ledger(t.town, "overseer", "");
            String convoy = new Convoys(ledger).create("Features", issues, Address.OVERSEER, "Three features");

            JsonArray slung = (JsonArray) t.gt.run(List.of("sling", issues.get(0), issues.get(1), issues.get(2), RIG,
                    "--json").toArray(String[]::new)).ok().json();
            List<String> polecats = new ArrayList<>();
            for (JsonValue v : slung) {
                polecats.add(v.asObject().string("agent"));
            }
            assertThat(polecats).hasSize(3).doesNotHaveDuplicates();
            assertThat(t.gt.run("agents", "--json").ok().out()).contains(polecats.get(0), polecats.get(1),
                    polecats.get(2));

            LiveTown.waitFor("three merge requests", Duration.ofSeconds(240), () -> ((JsonArray) t.gt
                    .run("mq", "list", RIG, "--json").ok().json()).size() == 3, () -> peekAll(t, polecats));
            assertThat(t.gt.run("mq", "process", RIG, "--all", "--json").exitCode()).isZero();

            Path check = tmp.resolve("check");
            Git.run(tmp, "clone", "-q", t.remote.toString(), check.toString());
            for (int n = 1; n <= 3; n++) {
                assertThat(Files.readString(check.resolve("feature-" + n + ".txt"))).isEqualTo("feature " + n + "\n");
            }
            for (String issue : issues) {
                JsonObject shown = bd.run("show", issue, "--json").ok().json().asArray().get(0).asObject();
                assertThat(shown.string("status")).isEqualTo("closed");
            }
            assertThat(ledger.read(ledger.hq(), v -> v.get(convoy)).status().name()).isEqualTo("closed");
            assertThat(new Mailboxes(ledger).inbox(Address.OVERSEER, true)).extracting(Message::subject)
                    .contains("🚚 Convoy landed: Features");
            // each polecat ran gt done from its own scripted session
            assertThat(t.transcripts().stream().filter(e -> e.string("kind").equals("ran")
                    && e.string("text").startsWith("gt done")).map(e -> e.string("session")).distinct().count())
                    .isEqualTo(3);
        }
    }

    private static String peekAll(LiveTown t, List<String> polecats) {
        StringBuilder s = new StringBuilder();
        for (String p : polecats) {
            s.append("\n=== ").append(p).append('\n').append(t.gt.run("peek", p, "-n", "40").out());
        }
        return s.toString();
    }
}
