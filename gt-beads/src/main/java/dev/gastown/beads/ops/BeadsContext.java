package dev.gastown.beads.ops;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.Store;
import java.util.ArrayList;
import java.util.List;

/**
 * What every operation needs besides the transaction: the store's id prefix, who is acting (recorded in
 * {@code created_by}, comments, closes), the session id when an agent CLI supplied one, and the custom statuses.
 */
public record BeadsContext(Store store, String prefix, String actor, String session, List<Status> statuses) {

    public BeadsContext {
        statuses = List.copyOf(statuses);
    }

    /** A context for {@code store} with its configured prefix and statuses. */
    public static BeadsContext of(Store store, String actor, String session) {
        return of(store, BeadsConfig.load(store.dir()), actor, session);
    }

    public static BeadsContext of(Store store, BeadsConfig config, String actor, String session) {
        List<Status> statuses = new ArrayList<>(Status.BUILT_IN);
        config.customStatuses().forEach(s -> statuses.add(Status.of(s)));
        return new BeadsContext(store, config.issuePrefix(), actor, session, statuses);
    }

    /** The prefix for new ids; a store without one cannot mint ids. */
    public String requirePrefix() {
        if (prefix.isEmpty()) {
            throw new InvalidInputException("this store has no issue prefix; set issue-prefix in "
                    + store.dir().configYaml() + " (bd init --prefix does this)");
        }
        return prefix;
    }

    /** Parses a status name given on the command line: built-in or configured custom. */
    public Status parseStatus(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (Status s : statuses) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new InvalidInputException("invalid status \"" + name + "\" (valid: "
                + String.join(", ", statuses.stream().map(Status::name).toList()) + ")");
    }
}
