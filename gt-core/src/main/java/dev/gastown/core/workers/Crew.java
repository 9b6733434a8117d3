package dev.gastown.core.workers;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Names;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.TownLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Crew: persistent workers the Overseer keeps, each a full clone of the rig's origin at {@code RIG/crew/NAME}, on
 * the default branch (or a branch of its own), pushing straight to origin. Their git identity comes from the
 * environment agents start with, so the clone holds no identity of its own. Removing one refuses while it holds work
 * that exists nowhere else, unless forced.
 */
public final class Crew {
    private final Ledger ledger;

    public Crew(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A crew member's clone and the branch it is on. */
    public record Member(Address.Crew address, Path dir, String branch) {
    }

    /** What a crew member's clone and agent bead say, for listings. */
    public record Status(Member member, AgentState state, String hook, List<String> dirty, List<String> unpushed) {
        public JsonObject toJson() {
            return new JsonObject().put("name", member.address().member()).put("rig", member.address().rigName())
                    .put("address", member.address().toString()).put("path", member.dir().toString())
                    .put("branch", member.branch()).put("state", state.key()).put("hook", hook)
                    .put("dirty", dirty.size()).put("unpushed", unpushed.size());
        }
    }

    /**
     * Clones the rig's origin for a new crew member; with {@code ownBranch}, on a new branch {@code crew/NAME} from
     * the default branch. The clone's {@code .beads} points at the rig's store, out of git status.
     */
    public Member add(String rigName, String name, boolean ownBranch) {
        Names.checkWorker("crew", name);
        Rig rig = Rig.load(ledger.town(), rigName);
        RigLayout layout = rig.layout();
        Address.Crew address = new Address.Crew(rigName, name);
        Path dir = layout.crewDir(name);
        Member m;
        try (StoreLock.Held lock = TownLock.at(layout.runtimeDir().resolve("workers.lock"))) {
            if (Files.exists(dir)) {
                throw new GtException("crew member " + address + " already exists at " + dir);
            }
            try {
                Files.createDirectories(layout.crewDir());
                new GitCli(layout.crewDir()).check("clone", "--quiet", "--branch", rig.config().defaultBranch(),
                        rig.config().gitUrl(), dir.toString());
                if (ownBranch) {
                    new GitCli(dir).check("switch", "--quiet", "-c", "crew/" + name);
                }
                Polecats.shareBeads(layout, dir);
            } catch (IOException e) {
                FileTrees.delete(dir);
                throw new UncheckedIOException("cannot create " + layout.crewDir(), e);
            } catch (RuntimeException e) {
                FileTrees.delete(dir);
                throw e;
            }
            m = new Member(address, dir, Worktrees.branch(dir));
        }
        new Agents(ledger).setState(address, AgentState.IDLE);
        new EventLog(ledger.town()).append("crew_add", ledger.actor(), new JsonObject().put("rig", rigName)
                .put("crew", name).put("branch", m.branch()));
        return m;
    }

    public Optional<Member> find(Address.Crew a) {
        Path dir = ledger.town().rig(a.rigName()).crewDir(a.member());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(new Member(a, dir, Worktrees.branch(dir)));
    }

    public Member get(Address.Crew a) {
        return find(a).orElseThrow(() -> new GtException("no crew member " + a + " (gt crew list --rig "
                + a.rigName() + " shows them)"));
    }

    /** The crew of one rig, by name. */
    public List<Status> list(String rigName) {
        Rig.load(ledger.town(), rigName);
        Agents agents = new Agents(ledger);
        List<Status> out = new ArrayList<>();
        for (String name : FileTrees.namedChildren(ledger.town().rig(rigName).crewDir())) {
            Member m = get(new Address.Crew(rigName, name));
            Optional<AgentRecord> agent = agents.find(m.address());
            out.add(new Status(m, agent.map(AgentRecord::state).orElse(AgentState.IDLE),
                    agent.flatMap(AgentRecord::hook).orElse(""), Worktrees.dirt(m.dir()), unpushed(m.dir())));
        }
        return out;
    }

    /**
     * Deletes a crew member's clone and retires its agent bead. Refuses, unless {@code force}, while the clone has
     * uncommitted changes, stashes, or commits on no remote branch, or work hangs on its hook.
     */
    public Member remove(Address.Crew a, boolean force) {
        Member m = get(a);
        if (!force) {
            new GitCli(m.dir()).run("fetch", "--quiet", "origin");
            List<String> dirt = Worktrees.dirt(m.dir());
            if (!dirt.isEmpty()) {
                throw refusal(a, "uncommitted changes (" + String.join("; ", dirt.subList(0, Math.min(5,
                        dirt.size()))) + ")");
            }
            String stashes = new GitCli(m.dir()).check("stash", "list");
            if (!stashes.isEmpty()) {
                throw refusal(a, stashes.split("\n").length + " stash(es)");
            }
            List<String> unpushed = unpushed(m.dir());
            if (!unpushed.isEmpty()) {
                throw refusal(a, unpushed.size() + " commit(s) on no remote branch (" + unpushed.get(0) + ")");
            }
            new Agents(ledger).find(a).flatMap(AgentRecord::hook).ifPresent(h -> {
                throw refusal(a, h + " is on its hook (gt unsling it first)");
            });
        }
        try (StoreLock.Held lock = TownLock.at(ledger.town().rig(a.rigName()).runtimeDir()
                .resolve("workers.lock"))) {
            FileTrees.delete(m.dir());
        }
        new Agents(ledger).retire(a, "removed");
        new EventLog(ledger.town()).append("crew_remove", ledger.actor(), new JsonObject().put("rig", a.rigName())
                .put("crew", a.member()).put("forced", force));
        return m;
    }

    /** Commits reachable from HEAD that no remote-tracking branch contains, newest first. */
    static List<String> unpushed(Path clone) {
        String out = new GitCli(clone).check("log", "--format=%h %s", "HEAD", "--not", "--remotes");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    private static GtException refusal(Address.Crew a, String why) {
        return new GtException("refusing to remove " + a + ": " + why + "; push or discard it, or use --force");
    }
}
