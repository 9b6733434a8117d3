package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonBool;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.testing.Git;
import dev.gastown.cli.testing.Bd;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import dev.gastown.core.workers.Worktrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's acceptance scenario, through the real {@code gt} and {@code bd} commands on real git: three issues in
 * a convoy are slung to a rig, each polecat commits and runs {@code gt done}, one conflicts with another, and the
 * merge engine runs until the queue is empty, the conflict being resolved the way its task says.
 */
class MergeQueueAcceptanceTest {
    static final String RIG = "gastown";

    @TempDir
    Path tmp;

    Town town;
    Path remote;
    final Map<Address.Polecat, String> branchOf = new LinkedHashMap<>();

    private Map<String, String> base() {
        Map<String, String> env = new HashMap<>(Git.ENV);
        env.put("HOME", tmp.toString());
        return env;
    }

    private Gt gt(Path cwd) {
        return new Gt(cwd, base());
    }

    /** The environment an agent's session gets, plus the tests' git identity guard. */
    private Map<String, String> agentEnv(Address a) {
        Map<String, String> env = base();
        env.putAll(Identities.environment(town, a));
        return env;
    }

    private Bd bd(Map<String, String> env, Path cwd) {
        Bd bd = new Bd(cwd);
        env.forEach(bd::env);
        return bd;
    }

    @Test
    void threeIssuesInAConvoyAreMergedThroughTheQueueConflictIncluded() throws Exception {
        Git.remoteWithClones(tmp, 0);
        remote = tmp.resolve("remote.git");
        gt(tmp).ok("install", "town");
        town = new Town(tmp.resolve("town"));
        gt(town.root()).ok("rig", "add", RIG, remote.toString());

        Bd rigBd = bd(base(), town.rig(RIG).root());
        String greet = rigBd.create("Add a greeting", "--priority", "2");
        String farewell = rigBd.create("Add a farewell", "--priority", "2");
        String readme = rigBd.create("Describe the project in the README", "--priority", "2");
        List<String> issues = List.of(greet, farewell, readme);
        String convoy = new Convoys(new Ledger(town, "mayor/", "")).create("Launch", issues, Address.MAYOR,
                "Convoy tracking 3 issues");

        JsonArray slung = (JsonArray) gt(town.root()).run("sling", greet, farewell, readme, RIG, "--naked", "--json")
                .ok().json();
        Map<String, Address.Polecat> polecatOf = new LinkedHashMap<>();
        for (JsonValue v : slung) {
            JsonObject s = v.asObject();
            polecatOf.put(s.string("bead"), (Address.Polecat) Address.parse(s.string("agent")));
        }
        assertThat(polecatOf).containsOnlyKeys(greet, farewell, readme);

        // each polecat works the way an agent does: edit, commit, gt done. The first and the third both edit README.
        Map<String, String> work = Map.of(greet, "README", farewell, "farewell.txt", readme, "README");
        Map<String, String> content = Map.of(greet, "project\nHello from Gas Town!\n", farewell, "Goodbye.\n",
                readme, "A project merged by a Refinery.\n");
        List<String> subjects = new ArrayList<>();
        for (String issue : issues) {
            Address.Polecat p = polecatOf.get(issue);
            Path wt = town.home(p);
            GitCli git = new GitCli(wt, agentEnv(p));
            Files.writeString(wt.resolve(work.get(issue)), content.get(issue));
            git.check("add", "-A");
            String subject = "Work on " + issue;
            git.check("commit", "-q", "-m", subject);
            subjects.add(subject);
            branchOf.put(p, Worktrees.branch(wt));
            JsonObject done = new Gt(wt, agentEnv(p)).run("done", "--json").ok().json().asObject();
            assertThat(done.string("issue")).isEqualTo(issue);
            assertThat(done.string("exit")).isEqualTo("COMPLETED");
        }
        assertThat(((JsonArray) gt(town.root()).run("mq", "list", RIG, "--json").ok().json()).size()).isEqualTo(3);

        // the Refinery runs the engine until nothing is ready; a conflict is resolved as its task says
        List<String> outcomes = new ArrayList<>();
        Path refinery = town.rig(RIG).refineryWorktree();
        for (int i = 0; i < 10; i++) {
            CliRun run = new Gt(refinery, agentEnv(new Address.Refinery(RIG))).run("mq", "process", RIG, "--json");
            JsonObject o = run.json().asObject();
            String outcome = o.string("outcome");
            outcomes.add(outcome);
            if (outcome.equals("EMPTY")) {
                assertThat(run.exitCode()).isEqualTo(10);
                break;
            }
            if (outcome.equals("CONFLICT")) {
                assertThat(run.exitCode()).isEqualTo(11);
                assertThat(o.get("files").asArray().items()).extracting(JsonValue::asString).containsExactly("README");
                resolve(o);
            } else {
                assertThat(outcome).isEqualTo("MERGED");
                assertThat(run.exitCode()).isZero();
            }
        }
        assertThat(outcomes).containsExactly("MERGED", "MERGED", "CONFLICT", "MERGED", "EMPTY");

        // main on origin has all three changes, the README with both edits
        Path check = tmp.resolve("check");
        Git.run(tmp, "clone", "-q", remote.toString(), check.toString());
        assertThat(Files.readString(check.resolve("README"))).contains("Hello from Gas Town!")
                .contains("A project merged by a Refinery.");
        assertThat(Files.readString(check.resolve("farewell.txt"))).isEqualTo("Goodbye.\n");
        assertThat(List.of(Git.run(check, "log", "--format=%s").split("\n"))).containsAll(subjects);

        // every merge request and issue is closed; the convoy landed and the Mayor heard
        for (JsonValue mr : (JsonArray) rigBd.run("list", "--all", "--type", "merge-request", "--json").ok().json()) {
            assertThat(mr.asObject().string("status")).isEqualTo("closed");
        }
        assertThat(((JsonArray) rigBd.run("list", "--all", "--type", "merge-request", "--json").json()).size())
                .isEqualTo(3);
        for (String issue : issues) {
            JsonObject shown = rigBd.run("show", issue, "--json").ok().json().asArray().get(0).asObject();
            assertThat(shown.string("status")).isEqualTo("closed");
            assertThat(shown.string("close_reason")).startsWith("Merged to main at ");
        }
        Ledger ledger = new Ledger(town, "overseer", "");
        assertThat(ledger.read(ledger.hq(), v -> v.get(convoy)).status().name()).isEqualTo("closed");
        Mailboxes mail = new Mailboxes(ledger);
        assertThat(mail.inbox(Address.MAYOR, true)).extracting(Message::subject)
                .containsExactly("🚚 Convoy landed: Launch");
        Address.Polecat conflicted = polecatOf.get(readme);
        assertThat(mail.inbox(new Address.Witness(RIG), true)).extracting(Message::subject).containsExactlyInAnyOrder(
                "POLECAT_DONE " + polecatOf.get(greet).polecat(), "POLECAT_DONE " + polecatOf.get(farewell).polecat(),
                "POLECAT_DONE " + conflicted.polecat(), "POLECAT_DONE " + conflicted.polecat(),
                "MERGED " + polecatOf.get(greet).polecat(), "MERGED " + polecatOf.get(farewell).polecat(),
                "MERGE_FAILED " + conflicted.polecat(), "MERGED " + conflicted.polecat());
        assertThat(mail.inbox(conflicted, true)).extracting(Message::subject)
                .containsExactly("MERGE_FAILED " + conflicted.polecat());

        // the event stream shows sling, done and merged for each issue
        List<Event> events = new EventLog(town).readAll();
        for (String issue : issues) {
            assertThat(events).anyMatch(e -> e.type().equals("sling") && e.payload().string("bead").equals(issue));
            assertThat(events).anyMatch(e -> e.type().equals("done") && e.payload().string("issue").equals(issue));
            assertThat(events).anyMatch(e -> e.type().equals("merged") && e.payload().string("issue").equals(issue));
        }

        // nothing was lost: the merged branches are gone from origin, and every polecat's work is on main, which
        // is what lets gt polecat nuke remove them without --force
        String heads = Git.run(remote, "for-each-ref", "--format=%(refname:short)", "refs/heads");
        assertThat(heads).isEqualTo("main");
        for (Address.Polecat p : branchOf.keySet()) {
            gt(town.root()).ok("polecat", "nuke", p.toString());
        }
    }

    /** What a polecat does with a resolve task: rebase, resolve keeping both sides, force-push with lease, gt done. */
    private void resolve(JsonObject conflict) throws Exception {
        String branch = conflict.string("branch");
        String task = conflict.string("resolve_task");
        Address.Polecat p = branchOf.entrySet().stream().filter(e -> e.getValue().equals(branch))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        Path wt = town.home(p);
        Map<String, String> env = agentEnv(p);
        env.put("GIT_EDITOR", "true");
        GitCli git = new GitCli(wt, env);
        git.check("fetch", "-q", "origin");
        assertThat(git.run("rebase", "origin/main").ok()).isFalse();
        assertThat(git.check("diff", "--name-only", "--diff-filter=U")).isEqualTo("README");
        Files.writeString(wt.resolve("README"), "project\nHello from Gas Town!\nA project merged by a Refinery.\n");
        git.check("add", "README");
        git.check("rebase", "--continue");
        git.check("push", "-q", "--force-with-lease=" + branch + ":origin/" + branch, "origin", "HEAD:" + branch);
        bd(env, wt).ok("close", task, "--reason", "Rebased onto main, kept both README edits");
        JsonObject again = new Gt(wt, env).run("done", "--json").ok().json().asObject();
        assertThat(again.string("mr")).isEqualTo(conflict.string("mr"));
        assertThat(again.get("reused")).isEqualTo(JsonBool.of(true));
    }
}
