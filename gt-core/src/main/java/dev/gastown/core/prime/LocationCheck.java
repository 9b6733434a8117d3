package dev.gastown.core.prime;

import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.Town;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether {@code GT_ROLE} and the working directory tell the same story. They disagree when the directory is
 * another agent's home, or lies outside the agent's own home; an agent in that state acts under one identity on
 * another's files, which is worth a loud warning at session start.
 */
public final class LocationCheck {
    private LocationCheck() {
    }

    /** The warning to show, if GT_ROLE is set and the directory contradicts it. */
    public static Optional<String> mismatch(Town town, Map<String, String> env, Path cwd, Address me) {
        if (env.getOrDefault(Identities.GT_ROLE, "").isBlank() || me.role() == Role.OVERSEER) {
            return Optional.empty();
        }
        Path dir = cwd.toAbsolutePath().normalize();
        Address there = Identities.fromDirectory(town, dir);
        Path home = town.home(me);
        if (there.equals(me) || there.role() == Role.OVERSEER && dir.startsWith(home)) {
            return Optional.empty();
        }
        String where = there.role() == Role.OVERSEER ? "outside your home " + home : "the home of " + there;
        return Optional.of("GT_ROLE says you are " + me + ", but the working directory " + dir + " is " + where
                + ". Commands act as " + me + ". If that is who you are, cd " + home
                + "; if not, this session was started wrong: stop and tell the Overseer.");
    }
}
