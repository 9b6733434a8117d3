package dev.gastown.core.mq;

import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.beads.store.StoreView;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.rig.Rig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A rig's merge queue: its open merge requests, in the order the merge engine takes them. Only requests in state
 * {@link MergeRequest.State#QUEUED} are taken, highest {@link MergeScore} first, then oldest, then by id; blocked
 * ones (a conflict's resolve task is open) and failed ones (held until submitted again or retried) wait.
 */
public final class MergeQueue {
    private final Ledger ledger;

    public MergeQueue(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A request with its score and the convoy its issue travels in. */
    public record Entry(MergeRequest mr, double score, Optional<String> convoy) {
        public JsonObject toJson() {
            return mr.toJson().put("score", new JsonNumber(String.format(Locale.ROOT, "%.2f", score)))
                    .put("convoy", convoy.<JsonValue>map(JsonString::new)
                            .orElse(JsonNull.INSTANCE));
        }
    }

    /** A rejection, and who was told. */
    public record Rejection(MergeRequest mr, Optional<Address> notified) {
    }

    /** Open requests of {@code rig}: queued ones first, by score; then blocked and failed ones. */
    public List<Entry> list(String rig, Instant now) {
        Rig.load(ledger.town(), rig);
        BeadsContext store = ledger.rig(rig);
        List<MergeRequest> open = ledger.read(store, MergeQueue::open);
        Convoys convoys = new Convoys(ledger);
        List<Entry> out = new ArrayList<>();
        for (MergeRequest mr : open) {
            Optional<String> convoy = mr.field(MergeRequest.SOURCE_ISSUE).flatMap(convoys::trackedBy);
            Optional<Instant> convoyCreated = convoy.flatMap(c -> ledger.read(ledger.hq(), v -> v.find(c)))
                    .map(c -> c.createdAt().toInstant());
            out.add(new Entry(mr, MergeScore.of(mr.bead().priority(), mr.retryCount(),
                    mr.bead().createdAt().toInstant(), convoyCreated, now), convoy));
        }
        out.sort(Comparator.comparing((Entry e) -> e.mr().state() != MergeRequest.State.QUEUED)
                .thenComparing(Comparator.comparingDouble(Entry::score).reversed())
                .thenComparing(e -> e.mr().bead().createdAt())
                .thenComparing(e -> e.mr().id()));
        return out;
    }

    /** The request the merge engine takes next, if any is ready. */
    public Optional<Entry> next(String rig, Instant now) {
        return list(rig, now).stream().filter(e -> e.mr().state() == MergeRequest.State.QUEUED).findFirst();
    }

    /** The branches that open requests of {@code rig} name: branches the queue still owns. */
    public Set<String> openBranches(String rig) {
        BeadsContext store = ledger.rig(rig);
        return ledger.read(store, v -> {
            Set<String> out = new TreeSet<>();
            open(v).forEach(mr -> mr.field(MergeRequest.BRANCH).ifPresent(out::add));
            return out;
        });
    }

    /** A request by id, in whichever store owns it. */
    public MergeRequest get(String id) {
        BeadsContext store = ledger.owning(id);
        return ledger.read(store, v -> v.find(id).filter(MergeQueue::isMergeRequest).map(i -> load(v, i)))
                .orElseThrow(() -> new GtException("no merge request " + id));
    }

    /**
     * Takes a request out of the queue: it is closed as rejected; its branch stays where it is, and a resolve task
     * it waited on is closed with it. With {@code notify}, its worker is told (or the rig's Witness, when the worker
     * no longer exists).
     */
    public Rejection reject(String rig, String ref, String reason, boolean notify) {
        if (reason == null || reason.isBlank()) {
            throw new GtException("say why the merge request is rejected: --reason TEXT");
        }
        BeadsContext store = ledger.rig(rig);
        MergeRequest mr = ledger.write(store, tx -> {
            MergeRequest current = resolve(tx, rig, ref);
            if (!current.isOpen()) {
                throw new GtException(current.id() + " is already closed (" + current.state().key() + ")");
            }
            for (String task : current.blockedBy()) {
                if (current.conflictTask().filter(task::equals).isPresent()) {
                    Closing.close(tx, store, task, "Merge request " + current.id() + " rejected", true);
                }
            }
            setFields(tx, store, current.id(), MergeRequest.CLOSE_REASON, MergeRequest.REJECTED);
            Closing.close(tx, store, current.id(), "Rejected: " + reason.strip(), true);
            return load(tx, tx.get(current.id()));
        });
        Optional<Address> told = Optional.empty();
        if (notify) {
            Address to = recipientOf(mr);
            new Mailboxes(ledger).send(Outgoing.notice(new Address.Refinery(rig), to, "MERGE_REJECTED "
                    + workerName(mr), "MR: " + mr.id() + "\nIssue: " + mr.sourceIssue() + "\nBranch: " + mr.branch()
                    + "\nReason: " + reason.strip()));
            told = Optional.of(to);
        }
        new EventLog(ledger.town()).append("mq_reject", ledger.actor(), new JsonObject().put("mr", mr.id())
                .put("branch", mr.branch()).put("issue", mr.sourceIssue()).put("reason", reason.strip()));
        return new Rejection(mr, told);
    }

    /**
     * Puts a request back in the queue: its last failure is cleared and it stops waiting on its resolve task; a
     * rejected request is reopened. A merged one is refused.
     */
    public MergeRequest retry(String rig, String ref) {
        BeadsContext store = ledger.rig(rig);
        MergeRequest mr = ledger.write(store, tx -> {
            MergeRequest current = resolve(tx, rig, ref);
            if (current.state() == MergeRequest.State.MERGED) {
                throw new GtException(current.id() + " is already merged" + current.mergeCommit()
                        .map(s -> " at " + s).orElse(""));
            }
            if (!current.isOpen()) {
                Closing.reopen(tx, current.id());
            }
            current.conflictTask().ifPresent(task -> Dependencies.remove(tx, current.id(), task));
            setFields(tx, store, current.id(), MergeRequest.CONFLICT_TASK_ID, null, MergeRequest.LAST_OUTCOME, null,
                    MergeRequest.LAST_FAILURE, null, MergeRequest.CLOSE_REASON, null);
            return load(tx, tx.get(current.id()));
        });
        new EventLog(ledger.town()).append("mq_retry", ledger.actor(), new JsonObject().put("mr", mr.id())
                .put("branch", mr.branch()).put("issue", mr.sourceIssue()));
        return mr;
    }

    // ---- store-level helpers shared by the queue, submission and the engine

    static boolean isMergeRequest(Issue i) {
        return i.issueType().equals(IssueType.MERGE_REQUEST) && !i.status().equals(Status.TOMBSTONE);
    }

    /** Every open request in a store. */
    static List<MergeRequest> open(StoreView v) {
        List<String> ids = new ArrayList<>();
        v.forEachActive(row -> {
            if (row.type().equals(IssueType.MERGE_REQUEST)) {
                ids.add(row.id());
            }
        });
        List<MergeRequest> out = new ArrayList<>();
        for (String id : ids) {
            v.find(id).ifPresent(i -> out.add(load(v, i)));
        }
        return out;
    }

    /** The open request for {@code branch}, if there is one. */
    static Optional<MergeRequest> openForBranch(StoreView v, String branch) {
        return open(v).stream().filter(mr -> mr.field(MergeRequest.BRANCH).filter(branch::equals).isPresent())
                .min(Comparator.comparing(mr -> mr.bead().createdAt()));
    }

    static MergeRequest load(StoreView v, Issue bead) {
        List<String> blockedBy = new ArrayList<>();
        for (Dependency d : bead.dependencies()) {
            if (d.type().equals(DependencyType.BLOCKS) && v.find(d.dependsOnId())
                    .filter(t -> !t.status().equals(Status.CLOSED) && !t.status().equals(Status.TOMBSTONE))
                    .isPresent()) {
                blockedBy.add(d.dependsOnId());
            }
        }
        return new MergeRequest(bead, blockedBy);
    }

    /** Sets description fields of a request: key, value, key, value...; a null value writes {@code null}. */
    static Issue setFields(StoreTransaction tx, BeadsContext store, String id, String... keyValues) {
        String description = tx.get(id).description();
        for (int i = 0; i < keyValues.length; i += 2) {
            description = Fields.set(description, keyValues[i], keyValues[i + 1]);
        }
        return Updates.apply(tx, store, id, new IssueUpdate().description(description));
    }

    /** The agent a request's notices go to: its worker while it exists, else the rig's Witness. */
    Address recipientOf(MergeRequest mr) {
        Directory directory = new Directory(ledger.town());
        return mr.worker().map(w -> {
            try {
                return directory.resolve(w);
            } catch (GtException gone) {
                return null;
            }
        }).orElseGet(() -> new Address.Witness(mr.rig()));
    }

    /** The name a request's notices use for its worker: the polecat's or crew member's name. */
    static String workerName(MergeRequest mr) {
        return mr.worker().map(w -> {
            try {
                Address a = Address.parse(w);
                return a.name().orElse(a.toString());
            } catch (GtException unparsable) {
                return w;
            }
        }).orElse("unknown");
    }

    private static MergeRequest resolve(StoreView v, String rig, String ref) {
        Optional<MergeRequest> mr = v.find(ref).filter(MergeQueue::isMergeRequest).map(i -> load(v, i));
        if (mr.isEmpty()) {
            mr = openForBranch(v, ref);
        }
        MergeRequest found = mr.orElseThrow(() -> new GtException("no merge request " + ref + " in rig " + rig
                + " (gt mq list " + rig + " shows them)"));
        if (!found.field(MergeRequest.RIG).filter(rig::equals).isPresent()) {
            throw new GtException(found.id() + " belongs to rig " + found.field(MergeRequest.RIG).orElse("?")
                    + ", not " + rig);
        }
        return found;
    }
}
