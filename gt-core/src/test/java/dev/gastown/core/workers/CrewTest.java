package dev.gastown.core.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.testing.Git;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.work.Hooks;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrewTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Ledger ledger;
    Crew crew;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        ledger = f.ledger(Address.OVERSEER);
        crew = new Crew(ledger);
    }

    @Test
    void aCrewMemberIsAFullCloneOfOriginOnTheDefaultBranchSharingTheRigsBeads() {
        Crew.Member m = crew.add(TownFixture.RIG, "max", false);
        Address.Crew max = new Address.Crew(TownFixture.RIG, "max");
        assertThat(m.address()).isEqualTo(max);
        assertThat(m.dir()).isEqualTo(f.town.rig(TownFixture.RIG).crewDir("max"));
        assertThat(m.branch()).isEqualTo("main");
        assertThat(m.dir().resolve(".git")).isDirectory();
        assertThat(Git.run(m.dir(), "remote", "get-url", "origin")).isEqualTo(f.remote.toString());
        assertThat(new GitCli(m.dir()).run("config", "--local", "--get-regexp", "^user\\.").ok())
                .as("identity comes from the agent's environment").isFalse();
        assertThat(m.dir().resolve(".beads/redirect")).hasContent("../../.beads");
        assertThat(Worktrees.dirt(m.dir())).isEmpty();
        assertThat(new Agents(ledger).get(max).beadId()).isEqualTo("hq-gastown-crew-max");
        assertThat(new Agents(ledger).get(max).state()).isEqualTo(AgentState.IDLE);
        assertThat(new Directory(f.town).resolve("gastown/crew/max")).isEqualTo(max);
        assertThat(crew.add(TownFixture.RIG, "ada", true).branch()).isEqualTo("crew/ada");
    }

    @Test
    void badOrTakenNamesAreRefusedAndLeaveNothingBehind() {
        crew.add(TownFixture.RIG, "max", false);
        assertThatThrownBy(() -> crew.add(TownFixture.RIG, "max", false)).isInstanceOf(GtException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> crew.add(TownFixture.RIG, "Bad-Name", false)).isInstanceOf(GtException.class)
                .hasMessageContaining("invalid crew name");
        assertThatThrownBy(() -> crew.add(TownFixture.RIG, "witness", false)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> crew.add("nosuchrig", "max", false)).isInstanceOf(GtException.class);
        assertThat(crew.list(TownFixture.RIG)).extracting(s -> s.member().address().member()).containsExactly("max");
    }

    @Test
    void listingShowsDirtUnpushedCommitsStateAndHook() throws Exception {
        Crew.Member m = crew.add(TownFixture.RIG, "max", false);
        Files.writeString(m.dir().resolve("notes.txt"), "wip\n");
        Crew.Status s = crew.list(TownFixture.RIG).get(0);
        assertThat(s.dirty()).hasSize(1);
        assertThat(s.unpushed()).isEmpty();
        Git.run(m.dir(), "add", "notes.txt");
        Git.run(m.dir(), "commit", "-q", "-m", "notes");
        BeadsContext rig = ledger.rig(TownFixture.RIG);
        String id = ledger.write(rig, tx -> IssueFactory.create(tx, rig, new NewIssue("task")).id());
        new Hooks(ledger).hook(m.address(), id, false);
        s = crew.list(TownFixture.RIG).get(0);
        assertThat(s.dirty()).isEmpty();
        assertThat(s.unpushed()).hasSize(1).first().asString().endsWith("notes");
        assertThat(s.hook()).isEqualTo(id);
        assertThat(s.toJson().keys()).containsExactly("name", "rig", "address", "path", "branch", "state", "hook",
                "dirty", "unpushed");
    }

    @Test
    void removalRefusesWorkThatExistsNowhereElseUnlessForced() throws Exception {
        Crew.Member m = crew.add(TownFixture.RIG, "max", false);
        Address.Crew max = m.address();
        Files.writeString(m.dir().resolve("a.txt"), "a\n");
        assertThatThrownBy(() -> crew.remove(max, false)).hasMessageContaining("uncommitted");
        Git.run(m.dir(), "stash", "-q", "--include-untracked");
        assertThatThrownBy(() -> crew.remove(max, false)).hasMessageContaining("stash");
        Git.run(m.dir(), "stash", "pop", "-q");
        Git.run(m.dir(), "add", "a.txt");
        Git.run(m.dir(), "commit", "-q", "-m", "a");
        assertThatThrownBy(() -> crew.remove(max, false)).hasMessageContaining("1 commit(s) on no remote branch");
        assertThat(m.dir()).isDirectory();

        Git.run(m.dir(), "push", "-q", "origin", "HEAD:main");
        assertThat(Git.run(f.cloneOfOrigin("check"), "log", "--format=%s", "-1")).isEqualTo("a");
        crew.remove(max, false);
        assertThat(m.dir()).doesNotExist();
        assertThat(new Agents(ledger).find(max).orElseThrow().state()).isEqualTo(AgentState.DEAD);

        Crew.Member again = crew.add(TownFixture.RIG, "max", false);
        Files.writeString(again.dir().resolve("b.txt"), "b\n");
        crew.remove(max, true);
        assertThat(again.dir()).doesNotExist();
    }
}
