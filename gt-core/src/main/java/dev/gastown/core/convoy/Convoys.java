package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreView;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Convoys: beads of type {@code convoy} in the town's store, with ids {@code hq-cv-xxxxx}, tracking issues in any
 * store through {@code tracks} edges (which never block). The notify address is a {@code Notify:} line in the
 * description, as in the original. Only issues that exist can be tracked.
 */
public final class Convoys {
    public static final String ID_PREFIX = AgentBeadIds.TOWN_PREFIX + "-cv-";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ledger ledger;

    public Convoys(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A convoy made by {@link #create(List, String)}. */
    public record Created(String id, String title, List<String> issues, Optional<Address> notifyAddress) {
    }

    /**
     * {@code gt convoy create}: a name followed by issues, or only issues when the first word looks like an issue
     * id (then the first issue's title names the convoy). {@code notify} is an address that must exist, or null.
     */
    public Created create(List<String> nameAndIssues, String notify) {
        if (nameAndIssues.isEmpty()) {
            throw new GtException("a convoy needs a name or at least one issue id");
        }
        boolean onlyIssues = looksLikeIssueId(nameAndIssues.get(0));
        List<String> issues = onlyIssues ? nameAndIssues : nameAndIssues.subList(1, nameAndIssues.size());
        Address to = notify == null ? null : new Directory(ledger.town()).resolve(notify);
        List<Issue> found = requireIssues(issues);
        String title = onlyIssues ? found.get(0).title() : nameAndIssues.get(0);
        if (title.isBlank()) {
            throw new GtException("a convoy needs a name");
        }
        String id = create(title, issues, to, "Convoy tracking " + issues.size() + " issue"
                + (issues.size() == 1 ? "" : "s"));
        return new Created(id, title, List.copyOf(issues), Optional.ofNullable(to));
    }

    /** Creates a convoy tracking {@code issueIds}, which must exist; {@code notify} may be null. Returns its id. */
    public String create(String title, List<String> issueIds, Address notify, String description) {
        return create(newId(), title, issueIds, notify, description);
    }

    /**
     * {@link #create(String, List, Address, String)} under an id chosen earlier with {@link #newId()} (a formula
     * run names its convoy in the beads it creates first). Fails if the id was taken meanwhile.
     */
    public String create(String id, String title, List<String> issueIds, Address notify, String description) {
        requireIssues(issueIds);
        BeadsContext hq = ledger.hq();
        String body = description + (notify == null ? "" : "\nNotify: " + notify);
        ledger.write(hq, tx -> {
            if (tx.contains(id)) {
                throw new GtException("convoy id " + id + " is already taken in " + hq.store().dir().path());
            }
            IssueFactory.create(tx, hq, new NewIssue(title).id(id).type(IssueType.CONVOY).description(body.strip()));
            for (String issue : issueIds) {
                Dependencies.addAcrossStores(tx, hq, id, issue, DependencyType.TRACKS);
            }
            return null;
        });
        new EventLog(ledger.town()).append("convoy_created", ledger.actor(), new JsonObject().put("convoy", id)
                .put("title", title).put("issues", String.join(",", issueIds)));
        return id;
    }

    /** An id no convoy has yet: {@code hq-cv-} and five random base32 characters. */
    public String newId() {
        return ledger.read(ledger.hq(), Convoys::freshId);
    }

    /** Adds issues (which must exist) to a convoy, reopening it if it had landed. Returns whether it reopened. */
    public boolean track(String convoyId, List<String> issueIds) {
        if (issueIds.isEmpty()) {
            throw new GtException("name at least one issue to add to " + convoyId);
        }
        requireIssues(issueIds);
        BeadsContext hq = ledger.hq();
        boolean reopened = ledger.write(hq, tx -> {
            requireConvoy(tx, convoyId);
            for (String issue : issueIds) {
                Dependencies.addAcrossStores(tx, hq, convoyId, issue, DependencyType.TRACKS);
            }
            if (tx.get(convoyId).status().equals(Status.CLOSED)) {
                Closing.reopen(tx, convoyId);
                return true;
            }
            return false;
        });
        new EventLog(ledger.town()).append("convoy_tracked", ledger.actor(), new JsonObject()
                .put("convoy", convoyId).put("issues", String.join(",", issueIds)).put("reopened", reopened));
        return reopened;
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

    /**
     * Whether a word given to {@code gt convoy create} is an issue id rather than a name: it starts with a rig's
     * prefix, {@code hq-}, {@code gt-} or {@code bd-}, or with two or three lowercase letters and a hyphen.
     */
    public boolean looksLikeIssueId(String word) {
        List<String> prefixes = new ArrayList<>(List.of(AgentBeadIds.TOWN_PREFIX, "gt", "bd"));
        RigRegistry.list(ledger.town()).stream().map(RigEntry::beadsPrefix).filter(p -> !p.isEmpty())
                .forEach(prefixes::add);
        for (String p : prefixes) {
            if (word.startsWith(p + "-") && word.length() > p.length() + 1) {
                return true;
            }
        }
        int hyphen = word.indexOf('-');
        return (hyphen == 2 || hyphen == 3) && word.length() > hyphen + 1
                && word.substring(0, hyphen).chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** The issues, each read from the store that owns it; unknown or deleted ones are refused, naming them all. */
    private List<Issue> requireIssues(List<String> ids) {
        List<Issue> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<Issue> issue;
            try {
                BeadsContext store = ledger.owning(id);
                issue = ledger.read(store, v -> v.find(id)).filter(i -> !i.status().equals(Status.TOMBSTONE));
                if (issue.isEmpty()) {
                    missing.add(id + " (not in " + store.store().dir().path() + ")");
                }
            } catch (GtException unroutable) {
                issue = Optional.empty();
                missing.add(id + " (" + unroutable.getMessage() + ")");
            }
            issue.ifPresent(found::add);
        }
        if (!missing.isEmpty()) {
            throw new GtException("no such issue: " + String.join("; ", missing));
        }
        return found;
    }

    private static void requireConvoy(StoreView v, String id) {
        if (!v.find(id).map(i -> i.issueType().equals(IssueType.CONVOY)).orElse(false)) {
            throw new GtException("no convoy " + id + " (gt convoy list shows them)");
        }
    }

    private static String freshId(StoreView v) {
        while (true) {
            StringBuilder sb = new StringBuilder(ID_PREFIX);
            for (int i = 0; i < 5; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!v.contains(sb.toString())) {
                return sb.toString();
            }
        }
    }
}
