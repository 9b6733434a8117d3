package dev.gastown.core.rig;

import dev.gastown.beads.config.Routes;
import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.StoreSetup;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Names;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code gt rig add} and {@code gt rig remove}. Adding clones the project twice (a bare repository every worktree
 * shares, and the Mayor's own clone), puts the Refinery's worktree on the default branch, creates the rig's beads
 * with their route, and the Witness's and Refinery's agent beads. The URL is checked before anything is created,
 * and a failure part way removes the rig directory, its route and its registry entry.
 */
public final class RigSetup {
    private RigSetup() {
    }

    public static Rig add(Town town, String name, String url, String prefix, String actor) {
        Names.checkRig(name);
        if (url == null || url.isBlank()) {
            throw new GtException("a git URL is required: gt rig add NAME URL");
        }
        RigLayout layout = town.rig(name);
        try (StoreLock.Held lock = TownLock.town(town)) {
            if (RigRegistry.find(town, name).isPresent()) {
                throw new GtException("rig \"" + name + "\" already exists");
            }
            if (Files.exists(layout.root())) {
                throw new GtException(layout.root() + " already exists; remove it or choose another rig name");
            }
            String defaultBranch = probeRemote(town, url);
            String chosen = choosePrefix(town, name, prefix);
            try {
                Rig rig = build(town, layout, url, chosen, defaultBranch, actor);
                new EventLog(town).append("rig_add", actor, new JsonObject().put("rig", name).put("url", url)
                        .put("prefix", chosen));
                return rig;
            } catch (RuntimeException e) {
                undo(town, layout, chosen);
                throw e;
            }
        }
    }

    /** Unregisters a rig (its route and registry entry); its files stay where they are. */
    public static RigLayout remove(Town town, String name, String actor) {
        try (StoreLock.Held lock = TownLock.town(town)) {
            RigEntry entry = RigRegistry.find(town, name).orElseThrow(() -> new GtException("no rig named \""
                    + name + "\""));
            RigRegistry.remove(town, name);
            if (!entry.beadsPrefix().isEmpty()) {
                Routes.remove(town.beads(), entry.beadsPrefix() + "-");
            }
            new EventLog(town).append("rig_remove", actor, new JsonObject().put("rig", name));
            return town.rig(name);
        }
    }

    /** Checks the URL answers and has a default branch with commits; returns that branch. */
    private static String probeRemote(Town town, String url) {
        GitCli git = new GitCli(town.root());
        GitCli.Result r = git.run("ls-remote", "--symref", url, "HEAD");
        if (!r.ok()) {
            throw new GtException("cannot reach " + url + ": " + r.stderr().strip());
        }
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith("ref: refs/heads/")) {
                return line.substring("ref: refs/heads/".length(), line.indexOf('\t')).strip();
            }
        }
        throw new GtException(url + " has no commits on a default branch; push an initial commit first");
    }

    private static String choosePrefix(Town town, String name, String requested) {
        Set<String> taken = new HashSet<>(Set.of(AgentBeadIds.TOWN_PREFIX));
        RigRegistry.list(town).forEach(r -> taken.add(r.beadsPrefix()));
        if (requested == null || requested.isBlank()) {
            return RigPrefixes.derive(name, taken);
        }
        if (!requested.matches("[a-z][a-z0-9]{0,7}")) {
            throw new GtException("invalid prefix \"" + requested + "\": 1-8 lowercase letters or digits,"
                    + " starting with a letter");
        }
        if (taken.contains(requested)) {
            throw new GtException("prefix \"" + requested + "\" is already used by another rig or the town");
        }
        return requested;
    }

    private static Rig build(Town town, RigLayout layout, String url, String prefix, String defaultBranch,
            String actor) {
        mkdirs(layout);
        RigConfig config = new RigConfig(layout.name(), url, defaultBranch, Instant.now().toString(), prefix);
        config.write(layout);
        GitCli atRig = new GitCli(layout.root());
        atRig.check("clone", "--bare", "--quiet", url, layout.bareRepo().toString());
        GitCli bare = new GitCli(layout.bareRepo());
        // a bare clone has no remote-tracking refs; give it some, so origin/BRANCH means what the remote holds
        bare.check("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*");
        bare.check("fetch", "--quiet", "origin");
        atRig.check("clone", "--quiet", url, layout.mayorClone().toString());
        bare.check("worktree", "add", "--quiet", layout.refineryWorktree().toString(), defaultBranch);
        RigSettings.defaults(defaultBranch).write(layout);
        StoreSetup.init(layout.root(), prefix, false);
        Routes.put(town.beads(), prefix + "-", layout.name());
        Ledger ledger = new Ledger(town, actor, "");
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> {
            Agents.ensure(tx, hq, new Address.Witness(layout.name()));
            Agents.ensure(tx, hq, new Address.Refinery(layout.name()));
            return null;
        });
        RigRegistry.put(town, new RigEntry(layout.name(), url, Instant.now().toString(), prefix));
        return new Rig(layout, config);
    }

    private static void mkdirs(RigLayout layout) {
        try {
            for (var d : new java.nio.file.Path[] {layout.root(), layout.witnessDir(), layout.refineryDir(),
                    layout.polecatsDir(), layout.crewDir(), layout.runtimeDir()}) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.root(), e);
        }
    }

    private static void undo(Town town, RigLayout layout, String prefix) {
        RigRegistry.remove(town, layout.name());
        Routes.remove(town.beads(), prefix + "-");
        FileTrees.delete(layout.root());
    }
}
