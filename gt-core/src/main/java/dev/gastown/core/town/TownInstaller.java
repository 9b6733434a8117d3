package dev.gastown.core.town;

import dev.gastown.beads.config.Routes;
import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.StoreSetup;
import dev.gastown.beads.store.Fsync;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.prime.RoleTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code gt install DIR}: lays out a new town (mayor/town.json, rigs.json, overseer.json, the town's beads with
 * prefix {@code hq} and their routes, agent beads for the Mayor and Deacon, role beads, the role homes and the
 * Mayor's context file). All or nothing: a failure removes whatever this call created.
 */
public final class TownInstaller {
    /** What to install. */
    public record Request(Path dir, String name, String owner, boolean force, boolean git, Map<String, String> env) {
    }

    private TownInstaller() {
    }

    public static Town install(Request r) {
        Path dir = r.dir().toAbsolutePath().normalize();
        boolean existed = Files.exists(dir);
        boolean wasEmpty = existed && isEmptyDirectory(dir);
        refuseUnlessForced(dir, existed, r.force());
        try {
            Town town = layOut(dir, r);
            new EventLog(town).append("install", Address.OVERSEER.toString(),
                    new JsonObject().put("town", town.root().toString()).put("name", nameOf(r, dir)));
            return town;
        } catch (RuntimeException e) {
            if (!existed) {
                FileTrees.delete(dir);
            } else if (wasEmpty) {
                FileTrees.deleteChildren(dir);
            }
            throw e;
        }
    }

    private static void refuseUnlessForced(Path dir, boolean existed, boolean force) {
        if (force) {
            return;
        }
        if (Files.isRegularFile(dir.resolve("mayor").resolve("town.json"))) {
            throw new GtException(dir + " is already a town (use --force to reinstall over it; beads are kept)");
        }
        TownLocator.enclosing(dir.getParent() == null ? dir : dir.getParent()).ifPresent(t -> {
            throw new GtException(dir + " is inside the town at " + t.root()
                    + "; a town inside a town confuses every command (use --force if you mean it)");
        });
        if (existed && !isEmptyDirectory(dir)) {
            throw new GtException(dir + " exists and is not empty (use --force to install into it)");
        }
    }

    private static Town layOut(Path dir, Request r) {
        Town town = new Town(dir);
        createDirectories(town.mayorDir(), town.runtimeDir(), town.deaconDir(), town.dogsDir(), town.daemonDir(),
                town.logsDir());
        if (r.git() && !Files.exists(dir.resolve(".git"))) {
            new GitCli(dir).check("init", "-q");
            Fsync.writeAtomically(dir.resolve(".gitignore"), gitignore());
        }
        String name = nameOf(r, dir);
        OverseerConfig overseer = OverseerConfig.detect(dir, r.env());
        String owner = r.owner() == null || r.owner().isBlank() ? overseer.email() : r.owner();
        JsonFiles.write(town.townJson(), new TownConfig(name, owner, "", Instant.now().toString()).toJson());
        if (!Files.exists(town.rigsJson())) {
            RigRegistry.write(town, java.util.List.of());
        }
        JsonFiles.write(town.overseerJson(), overseer.toJson());
        if (!Files.exists(town.beads().issuesJsonl())) {
            StoreSetup.init(town.beadsRoot(), AgentBeadIds.TOWN_PREFIX, false);
        }
        Routes.put(town.beads(), AgentBeadIds.TOWN_PREFIX + "-", ".");
        seedBeads(town);
        Fsync.writeAtomically(dir.resolve("CLAUDE.md"), RoleTemplates.render(town, Address.MAYOR));
        return town;
    }

    private static String nameOf(Request r, Path dir) {
        return r.name() == null || r.name().isBlank() ? dir.getFileName().toString() : r.name();
    }

    private static void seedBeads(Town town) {
        Ledger ledger = new Ledger(town, Address.OVERSEER.toString(), "");
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> {
            for (Role role : Role.values()) {
                if (role != Role.OVERSEER && !tx.contains(AgentBeadIds.roleBead(role))) {
                    IssueFactory.create(tx, hq, new NewIssue(role.key() + " role").id(AgentBeadIds.roleBead(role))
                            .type(IssueType.ROLE).description("The " + role.key()
                                    + " role; its context is rendered by gt prime.").pinned(true));
                }
            }
            Agents.ensure(tx, hq, Address.MAYOR);
            Agents.ensure(tx, hq, Address.DEACON);
            return null;
        });
    }

    private static String gitignore() {
        return """
                # Local to this machine: runtime state, worker checkouts, daemon files
                .gt/
                daemon/
                logs/
                **/.runtime/
                **/.repo.git/
                **/polecats/
                **/crew/
                **/mayor/rig/
                **/refinery/rig/
                deacon/dogs/
                .events.jsonl
                """;
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path d : dirs) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the town layout", e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
