package dev.gastown.core.doctor;

import dev.gastown.beads.config.Routes;
import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.ops.Doctor;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.town.Town;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gt doctor}: checks the town's layout, rigs, routes, agent beads, worktrees, stores and tmux socket file;
 * with {@code fix}, repairs what can be repaired without judgement (routes, missing agent beads, stale worktree
 * records, the socket file, the stores' indexes) and reports the rest.
 */
public final class TownDoctor {
    private final Ledger ledger;
    private final boolean fix;

    public TownDoctor(Ledger ledger, boolean fix) {
        this.ledger = ledger;
        this.fix = fix;
    }

    public List<Check> run() {
        Town town = ledger.town();
        List<Check> out = new ArrayList<>();
        out.add(townFile(town));
        out.addAll(stores(town));
        out.add(socketFile(town));
        for (RigEntry entry : RigRegistry.list(town)) {
            RigLayout layout = town.rig(entry.name());
            if (!Files.isRegularFile(layout.configJson())) {
                out.add(Check.problem("rig " + entry.name(), "registered but " + layout.configJson()
                        + " is missing (gt rig remove " + entry.name() + ", then add it again)"));
                continue;
            }
            Rig rig = Rig.load(town, entry.name());
            out.add(repositories(rig));
            out.add(route(town, rig));
            out.add(worktrees(rig));
        }
        out.add(agentBeads(town));
        return out;
    }

    private Check townFile(Town town) {
        String type = JsonFiles.read(town.townJson()).string("type");
        return type.equals("town") ? Check.ok("town", town.townJson() + " is a town marker")
                : Check.problem("town", town.townJson() + " has type \"" + type + "\", not \"town\"");
    }

    private List<Check> stores(Town town) {
        List<Check> out = new ArrayList<>();
        List<BeadsDir> dirs = new ArrayList<>(List.of(town.beads()));
        RigRegistry.list(town).forEach(r -> dirs.add(town.rig(r.name()).beads()));
        for (BeadsDir dir : dirs) {
            if (!Files.isDirectory(dir.path())) {
                out.add(Check.problem("beads " + dir.path(), "missing"));
                continue;
            }
            List<Doctor.Finding> errors = Doctor.examine(dir, fix).stream()
                    .filter(f -> f.severity() == Doctor.Severity.ERROR).toList();
            if (errors.isEmpty()) {
                out.add(Check.ok("beads " + dir.root().getFileName(), "store readable and consistent"));
            } else {
                errors.forEach(f -> out.add(new Check("beads " + dir.root().getFileName() + " " + f.check(),
                        f.fixed(), f.message(), f.fixed())));
            }
        }
        return out;
    }

    private Check socketFile(Town town) {
        Path file = TownTmux.socketFile(town);
        String want = TownTmux.socketName(town);
        String have = read(file);
        if (have.equals(want)) {
            return Check.ok("tmux socket", want + " (" + file + ")");
        }
        if (fix) {
            TownTmux.of(town);
            return Check.repaired("tmux socket", "wrote " + want + " to " + file);
        }
        return Check.problem("tmux socket", file + " should hold " + want + (have.isEmpty() ? " (missing)"
                : ", not " + have));
    }

    private Check repositories(Rig rig) {
        RigLayout l = rig.layout();
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(l.bareRepo())) {
            missing.add(".repo.git");
        } else if (!new GitCli(l.bareRepo()).run("config", "remote.origin.fetch").ok()) {
            if (fix) {
                new GitCli(l.bareRepo()).check("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*");
            } else {
                missing.add("remote-tracking refs in .repo.git");
            }
        }
        if (!Files.exists(l.refineryWorktree().resolve(".git"))) {
            missing.add("refinery/rig worktree");
        }
        if (!Files.exists(l.mayorClone().resolve(".git"))) {
            missing.add("mayor/rig clone");
        }
        return missing.isEmpty() ? Check.ok("rig " + rig.name(), "repositories in place")
                : Check.problem("rig " + rig.name(), "missing " + String.join(", ", missing));
    }

    private Check route(Town town, Rig rig) {
        Routes routes = Routes.near(town.beads());
        boolean routed = routes.storeFor(rig.prefix() + "-x").map(d -> d.equals(rig.layout().beads())).orElse(false)
                && routes.storeFor(AgentBeadIds.TOWN_PREFIX + "-x").map(d -> d.equals(town.beads())).orElse(false);
        if (routed) {
            return Check.ok("routes " + rig.name(), rig.prefix() + "- → " + rig.name());
        }
        if (fix) {
            Routes.put(town.beads(), AgentBeadIds.TOWN_PREFIX + "-", ".");
            Routes.put(town.beads(), rig.prefix() + "-", rig.name());
            return Check.repaired("routes " + rig.name(), "routed " + rig.prefix() + "- to " + rig.name());
        }
        return Check.problem("routes " + rig.name(), rig.prefix() + "- ids do not route to " + rig.name()
                + "'s store");
    }

    /** Worktrees git knows of whose directories are gone (a removed polecat), and polecat dirs git does not know. */
    private Check worktrees(Rig rig) {
        GitCli bare = new GitCli(rig.layout().bareRepo());
        String list = bare.run("worktree", "list", "--porcelain").out();
        List<String> known = list.lines().filter(l -> l.startsWith("worktree ")).map(l -> l.substring(9)).toList();
        List<String> stale = known.stream().filter(p -> !Files.exists(Path.of(p))).toList();
        List<String> unknown = FileTrees.namedChildren(rig.layout().polecatsDir()).stream()
                .map(n -> rig.layout().polecatDir(n).toString()).filter(p -> !known.contains(p)).toList();
        if (stale.isEmpty() && unknown.isEmpty()) {
            return Check.ok("worktrees " + rig.name(), known.size() + " registered, all present");
        }
        if (fix && unknown.isEmpty()) {
            bare.run("worktree", "prune");
            return Check.repaired("worktrees " + rig.name(), "pruned " + stale.size() + " stale worktree record(s)");
        }
        return Check.problem("worktrees " + rig.name(), (stale.isEmpty() ? "" : stale.size()
                + " record(s) of removed worktrees (--fix prunes them); ") + (unknown.isEmpty() ? ""
                : "polecat directories that are not worktrees: " + String.join(", ", unknown)));
    }

    private Check agentBeads(Town town) {
        List<Address> expected = new ArrayList<>(List.of(Address.MAYOR, Address.DEACON));
        for (RigEntry r : RigRegistry.list(town)) {
            expected.add(new Address.Witness(r.name()));
            expected.add(new Address.Refinery(r.name()));
            FileTrees.namedChildren(town.rig(r.name()).polecatsDir())
                    .forEach(n -> expected.add(new Address.Polecat(r.name(), n)));
            FileTrees.namedChildren(town.rig(r.name()).crewDir())
                    .forEach(n -> expected.add(new Address.Crew(r.name(), n)));
        }
        Agents agents = new Agents(ledger);
        List<Address> missing = expected.stream().filter(a -> agents.find(a).isEmpty()).toList();
        if (missing.isEmpty()) {
            return Check.ok("agent beads", expected.size() + " agents have their bead");
        }
        if (fix) {
            missing.forEach(agents::ensure);
            return Check.repaired("agent beads", "created " + missing.size() + " missing agent bead(s)");
        }
        return Check.problem("agent beads", "missing for " + String.join(", ", missing.stream().map(Address::toString)
                .toList()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
