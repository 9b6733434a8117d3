package dev.gastown.core.workers;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.store.Fsync;
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
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.TownLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Polecats: ephemeral workers, each a git worktree of the rig's shared bare repository on its own new branch
 * {@code polecat/NAME-STAMP}, started from the freshly fetched default branch. Nuking refuses while the worktree
 * has uncommitted changes or the branch holds commits the target does not, unless forced.
 */
public final class Polecats {
    private final Ledger ledger;

    public Polecats(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A polecat's worktree and branch. */
    public record Polecat(Address.Polecat address, Path dir, String branch) {
    }

    /** What a polecat is doing, for listings. */
    public record Status(Polecat polecat, AgentState state, String hook, int uncommitted, int unmerged) {
        public JsonObject toJson() {
            return new JsonObject().put("name", polecat.address().polecat()).put("address",
                    polecat.address().toString()).put("branch", polecat.branch()).put("path",
                    polecat.dir().toString()).put("state", state.key()).put("hook", hook)
                    .put("uncommitted", uncommitted).put("unmerged_commits", unmerged);
        }
    }

    /** Creates a polecat: the given name, or the next free one from the rig's pool. */
    public Polecat spawn(String rigName, String requestedName) {
        Rig rig = Rig.load(ledger.town(), rigName);
        RigLayout layout = rig.layout();
        Polecat p;
        try (StoreLock.Held lock = TownLock.at(layout.runtimeDir().resolve("workers.lock"))) {
            Set<String> inUse = new HashSet<>(FileTrees.namedChildren(layout.polecatsDir()));
            String name;
            if (requestedName == null || requestedName.isBlank()) {
                RigSettings settings = rig.settings();
                name = NamePool.allocate(layout.runtimeDir().resolve("namepool.json"), settings.customNames()
                        .isEmpty() ? NameThemes.names(settings.namepoolTheme()) : settings.customNames(), "polecat",
                        inUse);
            } else {
                name = Names.checkWorker("polecat", requestedName);
                if (inUse.contains(name)) {
                    throw new GtException("polecat " + rigName + "/" + name + " already exists");
                }
            }
            p = createWorktree(rig, name);
        }
        new Agents(ledger).setState(p.address(), AgentState.IDLE);
        new EventLog(ledger.town()).append("spawn", ledger.actor(), new JsonObject().put("rig", rigName)
                .put("polecat", p.address().polecat()).put("branch", p.branch()));
        return p;
    }

    private Polecat createWorktree(Rig rig, String name) {
        RigLayout layout = rig.layout();
        Path dir = layout.polecatDir(name);
        String branch = "polecat/" + name + "-" + Long.toString(System.currentTimeMillis(), 36);
        GitCli bare = new GitCli(layout.bareRepo());
        bare.check("fetch", "--quiet", "origin");
        try {
            bare.check("worktree", "add", "--quiet", "-b", branch, dir.toString(),
                    "origin/" + rig.config().defaultBranch());
            shareBeads(layout, dir);
        } catch (RuntimeException e) {
            bare.run("worktree", "remove", "--force", dir.toString());
            FileTrees.delete(dir);
            bare.run("worktree", "prune");
            bare.run("branch", "-D", branch);
            throw e;
        }
        return new Polecat(new Address.Polecat(layout.name(), name), dir, branch);
    }

    /**
     * Points the worktree's {@code .beads} at the rig's store, unless the project tracks its own {@code .beads}
     * (agents get BEADS_DIR either way), and keeps that file out of git status.
     */
    static void shareBeads(RigLayout layout, Path worktree) {
        Path beads = worktree.resolve(".beads");
        if (Files.exists(beads)) {
            return;
        }
        try {
            Files.createDirectories(beads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + beads, e);
        }
        Fsync.writeAtomically(beads.resolve("redirect"), "../../.beads\n");
        Path exclude = Path.of(new GitCli(worktree).check("rev-parse", "--git-common-dir"))
                .resolve("info").resolve("exclude");
        Path excludeFile = worktree.resolve(exclude);
        try {
            String text = Files.exists(excludeFile) ? Files.readString(excludeFile) : "";
            if (!text.lines().anyMatch(".beads/"::equals)) {
                Files.createDirectories(excludeFile.getParent());
                Files.writeString(excludeFile, text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                        + ".beads/\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + excludeFile, e);
        }
    }

    public Optional<Polecat> find(Address.Polecat a) {
        Path dir = ledger.town().rig(a.rigName()).polecatDir(a.polecat());
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return Optional.of(new Polecat(a, dir, Worktrees.branch(dir)));
    }

    public Polecat get(Address.Polecat a) {
        return find(a).orElseThrow(() -> new GtException("no polecat " + a + " (gt polecat list " + a.rigName()
                + " shows them)"));
    }

    public List<Status> list(String rigName) {
        Rig rig = Rig.load(ledger.town(), rigName);
        Agents agents = new Agents(ledger);
        List<Status> out = new ArrayList<>();
        for (String name : FileTrees.namedChildren(rig.layout().polecatsDir())) {
            try {
                Polecat p = get(new Address.Polecat(rigName, name));
                Optional<AgentRecord> agent = agents.find(p.address());
                out.add(new Status(p, agent.map(AgentRecord::state).orElse(AgentState.IDLE),
                        agent.flatMap(AgentRecord::hook).orElse(""), Worktrees.dirt(p.dir()).size(),
                        Worktrees.unmerged(p.dir(), p.branch(), "origin/" + rig.settings().targetBranch()).size()));
            } catch (RuntimeException e) {
                if (Files.exists(rig.layout().polecatsDir().resolve(name).resolve(".git"))) {
                    throw e;
                }
                // its worktree is gone or going (nuked while we looked): no longer a polecat to list
            }
        }
        return out;
    }

    /**
     * Removes a polecat: worktree, branch, agent bead. Refuses, unless {@code force}, while the worktree has
     * uncommitted work, the branch has commits the target lacks, or work is still on its hook.
     */
    public Polecat nuke(Address.Polecat a, boolean force) {
        Rig rig = Rig.load(ledger.town(), a.rigName());
        Polecat p = get(a);
        GitCli bare = new GitCli(rig.layout().bareRepo());
        bare.run("fetch", "--quiet", "origin");
        if (!force) {
            List<String> dirt = Worktrees.dirt(p.dir());
            if (!dirt.isEmpty()) {
                throw new GtException("refusing to nuke " + a + ": uncommitted changes (" + String.join("; ",
                        dirt.subList(0, Math.min(5, dirt.size()))) + "); commit and gt done, or --force");
            }
            List<String> unmerged = Worktrees.unmerged(p.dir(), p.branch(), "origin/"
                    + rig.settings().targetBranch());
            if (!unmerged.isEmpty()) {
                throw new GtException("refusing to nuke " + a + ": branch " + p.branch() + " has "
                        + unmerged.size() + " commit(s) not on " + rig.settings().targetBranch()
                        + " yet; wait for the merge, or --force");
            }
            new Agents(ledger).find(a).flatMap(AgentRecord::hook).ifPresent(h -> {
                throw new GtException("refusing to nuke " + a + ": " + h + " is still on its hook (gt unsling it,"
                        + " or --force)");
            });
        }
        try (StoreLock.Held lock = TownLock.at(rig.layout().runtimeDir().resolve("workers.lock"))) {
            bare.check("worktree", "remove", "--force", p.dir().toString());
            bare.run("worktree", "prune");
            bare.run("branch", "-D", p.branch());
        }
        new Agents(ledger).retire(a, "nuked");
        new EventLog(ledger.town()).append("nuke", ledger.actor(), new JsonObject().put("rig", a.rigName())
                .put("polecat", a.polecat()).put("branch", p.branch()).put("forced", force));
        return p;
    }
}
