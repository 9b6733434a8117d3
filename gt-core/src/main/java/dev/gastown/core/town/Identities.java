package dev.gastown.core.town;

import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Names;
import dev.gastown.core.identity.Role;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is running a command, and the environment an agent is started with. {@code GT_ROLE} decides when set (a full
 * address, or a role name completed from {@code GT_RIG}, {@code GT_POLECAT}, {@code GT_CREW}); otherwise the working
 * directory does, when it is inside an agent's home; otherwise it is the Overseer: a person at a shell.
 */
public final class Identities {
    public static final String GT_ROLE = "GT_ROLE";
    public static final String GT_RIG = "GT_RIG";
    public static final String GT_POLECAT = "GT_POLECAT";
    public static final String GT_CREW = "GT_CREW";
    public static final String GT_DOG = "GT_DOG";

    private Identities() {
    }

    public static Address detect(Town town, Map<String, String> env, Path cwd) {
        String role = env.getOrDefault(GT_ROLE, "").strip();
        if (!role.isEmpty()) {
            return fromRoleVariable(role, env);
        }
        return fromDirectory(town, cwd);
    }

    private static Address fromRoleVariable(String role, Map<String, String> env) {
        if (role.contains("/")) {
            return Address.parse(role);
        }
        String rig = env.getOrDefault(GT_RIG, "");
        return switch (Role.parse(role)) {
            case MAYOR -> Address.MAYOR;
            case DEACON -> Address.DEACON;
            case BOOT -> Address.BOOT;
            case OVERSEER -> Address.OVERSEER;
            case DOG -> new Address.Dog(env.getOrDefault(GT_DOG, ""));
            case WITNESS -> new Address.Witness(rig);
            case REFINERY -> new Address.Refinery(rig);
            case POLECAT -> new Address.Polecat(rig, env.getOrDefault(GT_POLECAT, ""));
            case CREW -> new Address.Crew(rig, env.getOrDefault(GT_CREW, ""));
        };
    }

    /** The agent whose home contains {@code cwd}, or the Overseer. */
    public static Address fromDirectory(Town town, Path cwd) {
        Path abs = Town.realPath(cwd);
        if (!abs.startsWith(town.root()) || abs.equals(town.root())) {
            return Address.OVERSEER;
        }
        Path rel = town.root().relativize(abs);
        String first = rel.getName(0).toString();
        String second = rel.getNameCount() > 1 ? rel.getName(1).toString() : "";
        String third = rel.getNameCount() > 2 ? rel.getName(2).toString() : "";
        if (first.equals("mayor")) {
            return Address.MAYOR;
        }
        if (first.equals("deacon")) {
            if (second.equals("dogs") && !third.isEmpty()) {
                return third.equals("boot") ? Address.BOOT : new Address.Dog(third);
            }
            return Address.DEACON;
        }
        if (!Names.isValid(first)) {
            return Address.OVERSEER;
        }
        return switch (second) {
            case "mayor" -> Address.MAYOR;
            case "witness" -> new Address.Witness(first);
            case "refinery" -> new Address.Refinery(first);
            case "polecats" -> Names.isValid(third) ? new Address.Polecat(first, third) : Address.OVERSEER;
            case "crew" -> Names.isValid(third) ? new Address.Crew(first, third) : Address.OVERSEER;
            default -> Address.OVERSEER;
        };
    }

    /**
     * The environment an agent's process starts with: its identity ({@code GT_ROLE} holds the full address), the
     * town, attribution for beads and git, and the beads store it works against.
     */
    public static Map<String, String> environment(Town town, Address a) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(GT_ROLE, a.toString());
        env.put(TownLocator.GT_ROOT, town.root().toString());
        a.rig().ifPresent(r -> env.put(GT_RIG, r));
        if (a.role() == Role.POLECAT) {
            env.put(GT_POLECAT, a.name().orElseThrow());
        } else if (a.role() == Role.CREW) {
            env.put(GT_CREW, a.name().orElseThrow());
        } else if (a.role() == Role.DOG) {
            env.put(GT_DOG, a.name().orElseThrow());
        }
        env.put("BD_ACTOR", a.toString());
        env.put("GIT_AUTHOR_NAME", a.toString());
        env.put("GIT_COMMITTER_NAME", a.toString());
        String email = JsonFiles.readIfExists(town.overseerJson()).map(o -> o.string("email")).orElse("");
        // agents commit whether or not this machine has a git identity; their mail is the overseer's
        env.put("GIT_AUTHOR_EMAIL", email.isEmpty() ? "gastown@localhost" : email);
        env.put("GIT_COMMITTER_EMAIL", email.isEmpty() ? "gastown@localhost" : email);
        env.put("BEADS_DIR", a.rig().map(r -> town.rig(r).beads().path()).orElse(town.beads().path()).toString());
        env.put("BEADS_AGENT_NAME", a.toString());
        return env;
    }
}
