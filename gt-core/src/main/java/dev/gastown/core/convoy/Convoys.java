package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Convoys: beads of type {@code convoy} in the town's store, with ids {@code hq-cv-xxxxx}, tracking issues in any
 * store through {@code tracks} edges (which never block). The notify address is a {@code Notify:} line in the
 * description, as in the original.
 */
public final class Convoys {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ledger ledger;

    public Convoys(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Creates a convoy tracking {@code issueIds}; {@code notify} may be null. Returns its id. */
    public String create(String title, List<String> issueIds, Address notify, String description) {
        BeadsContext hq = ledger.hq();
        String body = description + (notify == null ? "" : "\nNotify: " + notify);
        String id = ledger.write(hq, tx -> {
            String cv = freshId(tx);
            IssueFactory.create(tx, hq, new NewIssue(title).id(cv).type(IssueType.CONVOY).description(body.strip()));
            for (String issue : issueIds) {
                Dependencies.addAcrossStores(tx, hq, cv, issue, DependencyType.TRACKS);
            }
            return cv;
        });
        new EventLog(ledger.town()).append("convoy_created", ledger.actor(), new JsonObject().put("convoy", id)
                .put("title", title).put("issues", String.join(",", issueIds)));
        return id;
    }

    /** Adds issues to a convoy, reopening it if it had landed. */
    public void track(String convoyId, List<String> issueIds) {
        BeadsContext hq = ledger.hq();
        ledger.write(hq, tx -> {
            requireConvoy(tx, convoyId);
            for (String issue : issueIds) {
                Dependencies.addAcrossStores(tx, hq, convoyId, issue, DependencyType.TRACKS);
            }
            if (tx.get(convoyId).status().equals(Status.CLOSED)) {
                dev.gastown.beads.ops.Closing.reopen(tx, convoyId);
            }
            return null;
        });
    }

    /** The open convoy that tracks {@code issueId}, if any. */
    public Optional<String> trackedBy(String issueId) {
        BeadsContext hq = ledger.hq();
        return ledger.read(hq, v -> v.dependents(issueId).stream()
                .filter(in -> in.type().equals(DependencyType.TRACKS))
                .map(Incoming::sourceId)
                .filter(id -> v.find(id).map(i -> i.issueType().equals(IssueType.CONVOY)
                        && !i.status().equals(Status.TOMBSTONE)).orElse(false))
                .findFirst());
    }

    private static void requireConvoy(StoreTransaction tx, String id) {
        if (!tx.find(id).map(i -> i.issueType().equals(IssueType.CONVOY)).orElse(false)) {
            throw new GtException("no convoy " + id);
        }
    }

    private static String freshId(StoreTransaction tx) {
        while (true) {
            StringBuilder sb = new StringBuilder("hq-cv-");
            for (int i = 0; i < 5; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!tx.contains(sb.toString())) {
                return sb.toString();
            }
        }
    }
}
