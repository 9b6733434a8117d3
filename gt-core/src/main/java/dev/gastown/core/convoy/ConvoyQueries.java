package dev.gastown.core.convoy;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads convoys with their tracked issues as the owning stores have them now: one convoy, the open ones (numbered
 * from 1, oldest first, as {@code gt convoy list} shows them), all of them, and the stranded ones. Each store is
 * read once per call, however many issues it holds.
 */
public final class ConvoyQueries {
    private static final Comparator<Convoy> OLDEST_FIRST = Comparator.comparing((Convoy c) -> instant(c.createdAt()))
            .thenComparing(Convoy::id);
    private static final Comparator<Convoy> LATEST_LANDED_FIRST = Comparator.comparing((Convoy c) ->
            instant(c.closedAt())).reversed().thenComparing(Convoy::id);

    private final Ledger ledger;

    public ConvoyQueries(Ledger ledger) {
        this.ledger = ledger;
    }

    /** A convoy by id, or by its number in the open list ({@code 1} is the oldest open convoy). */
    public Convoy get(String idOrNumber) {
        if (idOrNumber.matches("\\d{1,6}")) {
            int n = Integer.parseInt(idOrNumber);
            List<Convoy> open = open();
            if (n < 1 || n > open.size()) {
                throw new GtException("there is no open convoy number " + n + " (" + open.size()
                        + " open; gt convoy list numbers them)");
            }
            return open.get(n - 1);
        }
        Issue bead = ledger.read(ledger.hq(), v -> v.find(idOrNumber))
                .filter(i -> i.issueType().equals(IssueType.CONVOY) && !i.status().equals(Status.TOMBSTONE))
                .orElseThrow(() -> new GtException("no convoy " + idOrNumber + " in " + ledger.town().root()
                        + " (gt convoy list shows them)"));
        return withTracked(List.of(bead)).get(0);
    }

    /** Convoys not yet landed, oldest first. */
    public List<Convoy> open() {
        return list(false);
    }

    /** Every convoy: the open ones oldest first, then the landed ones, most recently landed first. */
    public List<Convoy> all() {
        return list(true);
    }

    /**
     * Open convoys with stranded work: tracked issues that are open, in progress or hooked, not blocked, and held by
     * nobody, by an agent address that no longer exists, or by an agent whose bead says it is dead. An assignee that
     * is not an agent address (a person) counts as someone working.
     */
    public List<StrandedConvoy> stranded() {
        Directory directory = new Directory(ledger.town());
        List<Address> known = directory.known();
        Map<Address, AgentState> states = new HashMap<>();
        new Agents(ledger).all().forEach(a -> states.put(a.address(), a.state()));
        List<StrandedConvoy> out = new ArrayList<>();
        for (Convoy c : open()) {
            List<StrandedConvoy.Issue> ready = new ArrayList<>();
            for (TrackedIssue t : c.tracked()) {
                if (!t.blocked() && (t.status().equals("open") || t.status().equals("in_progress")
                        || t.status().equals("hooked"))) {
                    strandedBecause(t.assignee(), known, states).ifPresent(r -> ready.add(new StrandedConvoy.Issue(
                            t, r)));
                }
            }
            if (!ready.isEmpty()) {
                out.add(new StrandedConvoy(c, ready));
            }
        }
        return out;
    }

    private static Optional<StrandedConvoy.Reason> strandedBecause(String assignee, List<Address> known,
            Map<Address, AgentState> states) {
        if (assignee.isBlank()) {
            return Optional.of(StrandedConvoy.Reason.UNASSIGNED);
        }
        Address a;
        try {
            a = Address.parse(assignee);
        } catch (GtException notAnAgent) {
            return Optional.empty();
        }
        if (a.role() == Role.OVERSEER) {
            return Optional.empty();
        }
        if (!known.contains(a)) {
            return Optional.of(StrandedConvoy.Reason.ASSIGNEE_GONE);
        }
        return states.get(a) == AgentState.DEAD ? Optional.of(StrandedConvoy.Reason.ASSIGNEE_DEAD)
                : Optional.empty();
    }

    private List<Convoy> list(boolean includeLanded) {
        List<Issue> beads = ledger.read(ledger.hq(), v -> {
            List<String> ids = new ArrayList<>();
            Consumer<IssueRow> collect = row -> {
                if (row.type().equals(IssueType.CONVOY) && !row.status().equals(Status.TOMBSTONE)) {
                    ids.add(row.id());
                }
            };
            if (includeLanded) {
                v.forEachIssue(collect);
            } else {
                v.forEachActive(collect);
            }
            List<Issue> found = new ArrayList<>();
            ids.forEach(id -> v.find(id).ifPresent(found::add));
            return found;
        });
        List<Convoy> convoys = withTracked(beads);
        List<Convoy> out = new ArrayList<>(convoys.stream().filter(c -> !c.landed()).sorted(OLDEST_FIRST).toList());
        convoys.stream().filter(Convoy::landed).sorted(LATEST_LANDED_FIRST).forEach(out::add);
        return out;
    }

    private List<Convoy> withTracked(List<Issue> beads) {
        Collection<String> ids = new LinkedHashSet<>();
        beads.forEach(b -> ids.addAll(ConvoyLanding.tracked(b)));
        Map<String, TrackedIssue> tracked = read(ids);
        List<Convoy> out = new ArrayList<>();
        for (Issue b : beads) {
            out.add(new Convoy(b.id(), b.title(), b.status().toString(), Fields.get(b.description(), "Notify")
                    .orElse(""), text(b.createdAt()), text(b.closedAt()),
                    ConvoyLanding.tracked(b).stream().map(tracked::get).toList()));
        }
        return out;
    }

    /** The tracked issues, reading each owning store once; issues no store has come back as missing. */
    private Map<String, TrackedIssue> read(Collection<String> ids) {
        Map<String, String> workers = new HashMap<>();
        if (!ids.isEmpty()) {
            for (AgentRecord a : new Agents(ledger).all()) {
                a.hook().ifPresent(h -> workers.put(h, a.address().toString()));
            }
        }
        List<RigEntry> rigs = RigRegistry.list(ledger.town());
        Map<BeadsContext, List<String>> byStore = new LinkedHashMap<>();
        Map<String, TrackedIssue> out = new HashMap<>();
        for (String id : ids) {
            try {
                byStore.computeIfAbsent(ledger.owning(id), s -> new ArrayList<>()).add(id);
            } catch (GtException unroutable) {
                out.put(id, missing(id, rigs));
            }
        }
        byStore.forEach((store, storeIds) -> ledger.read(store, v -> {
            for (String id : storeIds) {
                TrackedIssue t = v.find(id).map(i -> new TrackedIssue(id, i.title(), i.status().toString(),
                        i.issueType().toString(), i.assignee(), rigOf(id, rigs), v.isBlocked(id),
                        workers.getOrDefault(id, ""))).orElseGet(() -> missing(id, rigs));
                out.put(id, t);
            }
            return null;
        }));
        return out;
    }

    private static TrackedIssue missing(String id, List<RigEntry> rigs) {
        return new TrackedIssue(id, "", TrackedIssue.MISSING, "", "", rigOf(id, rigs), false, "");
    }

    private static String rigOf(String id, List<RigEntry> rigs) {
        return rigs.stream().filter(r -> !r.beadsPrefix().isEmpty() && id.startsWith(r.beadsPrefix() + "-"))
                .map(RigEntry::name).findFirst().orElse("");
    }

    /** Ordered by instant, not by text (timestamps carry local offsets and trimmed fractions); unset is earliest. */
    private static Timestamp instant(String text) {
        try {
            return Timestamp.parse(text);
        } catch (IllegalArgumentException unset) {
            return Timestamp.ZERO;
        }
    }

    private static String text(Timestamp t) {
        return t == null ? "" : t.text();
    }
}
