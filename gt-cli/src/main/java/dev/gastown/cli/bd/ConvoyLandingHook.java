package dev.gastown.cli.bd;

import dev.gastown.cli.CliEnv;
import dev.gastown.core.convoy.ConvoyLanding;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLocator;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The one place where bd reaches into Gas Town. After a commit closed issues in a store that belongs to a town (the
 * store's directory is inside one, else {@code GT_ROOT} names one), every convoy that tracked them and is now
 * complete lands at once: it closes, its {@code Notify:} address gets a mail, a {@code convoy_landed} event is
 * logged. The bead store itself knows nothing of towns.
 *
 * <p>Called after the closing store's write has returned, so a town-store write never nests inside a rig-store
 * write. When no convoy tracks the closed ids it costs one index lookup in the town's store. Landing failures are
 * reported on stderr and never undo or fail the close.
 */
final class ConvoyLandingHook {
    private static final ConvoyLandingHook NONE = new ConvoyLandingHook(null, null);

    private final CliEnv env;
    private final ConvoyLanding landing;

    private ConvoyLandingHook(CliEnv env, ConvoyLanding landing) {
        this.env = env;
        this.landing = landing;
    }

    /** The hook for the store {@code cmd} works on; it does nothing outside a town. */
    static ConvoyLandingHook of(BdCommand cmd) {
        CliEnv env = cmd.env();
        return townOf(cmd, env).map(t -> new ConvoyLandingHook(env,
                new ConvoyLanding(new Ledger(t, cmd.actor(), cmd.session())))).orElse(NONE);
    }

    private static Optional<Town> townOf(BdCommand cmd, CliEnv env) {
        Optional<Town> enclosing = TownLocator.enclosing(cmd.store().dir().root());
        if (enclosing.isPresent()) {
            return enclosing;
        }
        String root = env.get(TownLocator.GT_ROOT);
        if (root.isBlank()) {
            return Optional.empty();
        }
        Town named = new Town(env.cwd().resolve(root));
        return Files.isRegularFile(named.townJson()) ? Optional.of(named) : Optional.empty();
    }

    /** Lands the convoys {@code closedIds} completed; returns them (none outside a town or on failure). */
    List<ConvoyLanding.Landed> afterClose(List<String> closedIds) {
        if (landing == null || closedIds.isEmpty()) {
            return List.of();
        }
        try {
            return landing.afterClose(closedIds);
        } catch (RuntimeException e) {
            env.err().println("warning: closed " + String.join(", ", closedIds) + ", but landing the convoys"
                    + " tracking " + (closedIds.size() == 1 ? "it" : "them") + " failed: " + e.getMessage()
                    + " (gt convoy check retries)");
            return List.of();
        }
    }

    /** How a landing reads in bd's human output. */
    static String describe(ConvoyLanding.Landed l) {
        return "🚚 Convoy landed: " + l.convoyId() + " (" + l.title() + ")"
                + l.notifyAddress().map(a -> ", told " + a).orElse("");
    }
}
