package dev.gastown.core.identity;

import java.util.Locale;

/** The kinds of agent in a town, and the human who oversees it. */
public enum Role {
    MAYOR, DEACON, BOOT, DOG, WITNESS, REFINERY, POLECAT, CREW, OVERSEER;

    /** The lowercase name used in {@code GT_ROLE}, role beads and templates. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Roles with one instance per rig. */
    public boolean isRigSingleton() {
        return this == WITNESS || this == REFINERY;
    }

    /** Roles whose instances are named workers inside a rig. */
    public boolean isRigWorker() {
        return this == POLECAT || this == CREW;
    }

    public static Role parse(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + key + "\"");
    }
}
