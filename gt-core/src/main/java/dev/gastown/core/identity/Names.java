package dev.gastown.core.identity;

import dev.gastown.core.GtException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for the names that end up inside addresses, session names, bead ids and branch names. Hyphens are the
 * delimiter in session names and agent bead ids, so no name may contain one; that keeps every such string
 * parseable back into exactly one identity.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Set<String> RESERVED_RIGS = Set.of("mayor", "deacon", "daemon", "overseer", "logs", "rigs",
            "plugins", "settings", "config", "spawn", "hq", "gt", "town", "boot", "dogs", "polecats", "crew");
    /** Role words, and "role": a dog named so would have the agent bead id of the dog role bead, hq-dog-role. */
    private static final Set<String> RESERVED_WORKERS = Set.of("witness", "refinery", "crew", "polecats", "mayor",
            "deacon", "boot", "dogs", "overseer", "all", "role");

    private Names() {
    }

    /** A rig name: lowercase letters, digits and '_', starting with a letter, not a word the town uses. */
    public static String checkRig(String name) {
        check("rig", name);
        if (RESERVED_RIGS.contains(name)) {
            throw new GtException("rig name \"" + name + "\" is reserved by the town layout; choose another");
        }
        return name;
    }

    /** A polecat, crew member or dog name. */
    public static String checkWorker(String kind, String name) {
        check(kind, name);
        if (RESERVED_WORKERS.contains(name)) {
            throw new GtException(kind + " name \"" + name + "\" is reserved (it names a role); choose another");
        }
        return name;
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    private static void check(String kind, String name) {
        if (!isValid(name)) {
            throw new GtException("invalid " + kind + " name \"" + name + "\": use 1-40 lowercase letters, digits"
                    + " or '_', starting with a letter (no '-', '/', '.' or spaces: names become parts of session"
                    + " names, bead ids and branch names)");
        }
    }
}
