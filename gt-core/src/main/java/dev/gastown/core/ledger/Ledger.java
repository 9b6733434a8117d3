package dev.gastown.core.ledger;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.config.Routes;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.Store;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.beads.store.StoreView;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.town.Town;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The town's beads, in-process: the town store (prefix {@code hq}: mail, convoys, agents, escalations) and each
 * rig's store (its issues, merge requests, molecules), found by rig name or routed by id prefix. Every call is
 * made as {@code actor}, which is recorded on what it writes.
 */
public final class Ledger {
    private final Town town;
    private final String actor;
    private final String session;
    private dev.gastown.core.mail.MailNotifier mailNotifier = dev.gastown.core.mail.MailNotifier.NONE;
    /** Keyed by path, not by the BeadsDir record: a record's first hashCode bootstraps method handles (~20 ms). */
    private final Map<Path, BeadsContext> open = new HashMap<>();

    public Ledger(Town town, String actor, String session) {
        this.town = town;
        this.actor = actor;
        this.session = session == null ? "" : session;
    }

    /**
     * Who is told when mail is delivered (the agent's session, by a nudge); nobody unless a caller that can reach
     * sessions set it.
     */
    public dev.gastown.core.mail.MailNotifier mailNotifier() {
        return mailNotifier;
    }

    public void notifyMailWith(dev.gastown.core.mail.MailNotifier notifier) {
        this.mailNotifier = notifier;
    }

    public Town town() {
        return town;
    }

    public String actor() {
        return actor;
    }

    /** The town's own store. */
    public BeadsContext hq() {
        return context(town.beads());
    }

    /** A rig's store. */
    public BeadsContext rig(String rigName) {
        BeadsDir dir = town.rig(rigName).beads();
        if (!Files.isDirectory(dir.path())) {
            throw new GtException("rig \"" + rigName + "\" has no beads store at " + dir.path());
        }
        return context(dir);
    }

    /** The store that owns {@code id}: the town's for {@code hq-} ids, else the one its prefix routes to. */
    public BeadsContext owning(String id) {
        if (id.startsWith(AgentBeadIds.TOWN_PREFIX + "-")) {
            return hq();
        }
        return Routes.near(town.beads()).storeFor(id).map(this::context)
                .orElseThrow(() -> new GtException("no store owns \"" + id + "\": its prefix matches no route in "
                        + town.beads().path().resolve(Routes.FILE_NAME)));
    }

    public <T> T read(BeadsContext ctx, Function<StoreView, T> fn) {
        return ctx.store().read(fn);
    }

    public <T> T write(BeadsContext ctx, Function<StoreTransaction, T> fn) {
        return ctx.store().write(fn);
    }

    private BeadsContext context(BeadsDir dir) {
        return open.computeIfAbsent(dir.path(), p -> BeadsContext.of(Store.open(dir), BeadsConfig.load(dir), actor,
                session));
    }
}
