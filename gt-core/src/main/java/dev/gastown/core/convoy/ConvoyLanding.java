package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.store.Incoming;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Outgoing;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lands convoys: a convoy closes the moment every issue it tracks is closed, and its {@code Notify:} address gets
 * a mail. Called on every closing path (bd close, the merge engine) with the ids just closed, and by
 * {@code gt convoy check} for all open convoys. The check and the close happen in one transaction on the town's
 * store, so two processes closing the last two issues land the convoy once and mail once.
 */
public final class ConvoyLanding {
    private final Ledger ledger;

    public ConvoyLanding(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A convoy that landed in this call. */
    public record Landed(String convoyId, String title, List<String> issues, Optional<Address> notifyAddress) {
    }

    /** Lands every open convoy tracking one of {@code closedIds} whose tracked issues are now all closed. */
    public List<Landed> afterClose(List<String> closedIds) {
        BeadsContext hq = ledger.hq();
        Set<String> candidates = new LinkedHashSet<>();
        ledger.read(hq, v -> {
            for (String id : closedIds) {
                for (Incoming in : v.dependents(id)) {
                    if (in.type().equals(DependencyType.TRACKS)) {
                        candidates.add(in.sourceId());
                    }
                }
            }
            return null;
        });
        return land(candidates);
    }

    /** Lands {@code convoyId} if it is open and every issue it tracks is closed. */
    public Optional<Landed> check(String convoyId) {
        return land(Set.of(convoyId)).stream().findFirst();
    }

    /** Lands every open convoy whose tracked issues are all closed. */
    public List<Landed> checkAll() {
        BeadsContext hq = ledger.hq();
        List<String> open = ledger.read(hq, v -> {
            List<String> ids = new ArrayList<>();
            v.forEachActive(row -> {
                if (row.type().equals(IssueType.CONVOY)) {
                    ids.add(row.id());
                }
            });
            return ids;
        });
        return land(new LinkedHashSet<>(open));
    }

    private List<Landed> land(Set<String> convoyIds) {
        BeadsContext hq = ledger.hq();
        List<Landed> landed = new ArrayList<>();
        for (String cv : convoyIds) {
            Optional<Landed> l = ledger.write(hq, tx -> {
                Optional<Issue> convoy = tx.find(cv).filter(i -> i.issueType().equals(IssueType.CONVOY)
                        && !i.status().equals(Status.CLOSED) && !i.status().equals(Status.TOMBSTONE));
                if (convoy.isEmpty()) {
                    return Optional.<Landed>empty();
                }
                List<String> tracked = tracked(convoy.get());
                if (tracked.isEmpty() || !tracked.stream().allMatch(this::isClosed)) {
                    return Optional.<Landed>empty();
                }
                Closing.close(tx, hq, cv, "All tracked issues completed", true);
                Optional<Address> notify = Fields.get(convoy.get().description(), "Notify")
                        .flatMap(ConvoyLanding::address);
                return Optional.of(new Landed(cv, convoy.get().title(), tracked, notify));
            });
            l.ifPresent(x -> announce(x, landed));
        }
        return landed;
    }

    private void announce(Landed l, List<Landed> landed) {
        landed.add(l);
        new EventLog(ledger.town()).append("convoy_landed", ledger.actor(), new JsonObject()
                .put("convoy", l.convoyId()).put("title", l.title()).put("issues", String.join(",", l.issues()))
                .put("notify", l.notifyAddress().map(Address::toString).orElse("")));
        l.notifyAddress().ifPresent(to -> new Mailboxes(ledger).send(Outgoing.notice(sender(), to,
                "🚚 Convoy landed: " + l.title(),
                "Convoy " + l.convoyId() + " has completed.\n\nAll tracked issues are now closed:\n- "
                        + String.join("\n- ", l.issues()))));
    }

    /** A hand-edited, unparsable Notify line must not keep the convoy from landing; it only loses the mail. */
    private static Optional<Address> address(String text) {
        try {
            return Optional.of(Address.parse(text));
        } catch (GtException e) {
            return Optional.empty();
        }
    }

    private Address sender() {
        try {
            return Address.parse(ledger.actor());
        } catch (GtException e) {
            return Address.OVERSEER;
        }
    }

    /**
     * The ids a convoy tracks. Later versions of the original wrote cross-rig edges as
     * {@code external:<rig>:<id>}; such an edge tracks {@code <id>}.
     */
    static List<String> tracked(Issue convoy) {
        return convoy.dependencies().stream().filter(d -> d.type().equals(DependencyType.TRACKS))
                .map(Dependency::dependsOnId)
                .map(id -> id.startsWith("external:") ? id.substring(id.lastIndexOf(':') + 1) : id).toList();
    }

    private boolean isClosed(String id) {
        try {
            return ledger.read(ledger.owning(id), v -> v.find(id).map(i -> i.status().equals(Status.CLOSED)
                    || i.status().equals(Status.TOMBSTONE)).orElse(false));
        } catch (GtException unroutable) {
            return false;
        }
    }
}
