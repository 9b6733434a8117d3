package dev.gastown.beads.mol;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.query.Descendants;
import dev.gastown.beads.store.Store;
import dev.gastown.beads.store.StoreView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Garbage collection of wisp molecules in one store. A molecule is collected when it is finished (its root is
 * closed, as a squash leaves it, or every wisp in it is) or abandoned (nothing in it changed since the cutoff), and
 * never while it is held: any issue in it hooked or in progress, or named by the caller's {@code protectedIds} (work
 * on an agent's hook, molecules attached to hooked work). Only wisps are removed; a permanent issue below a wisp root
 * (a squash digest) stays. The decision is taken again under the store's exclusive lock, so a molecule hooked while
 * the collection runs is kept.
 */
public final class WispGc {
    private WispGc() {
    }

    /** Why a molecule is collected. */
    public enum Reason {
        /** Its root is closed (finished and squashed, or closed by hand). */
        CLOSED,
        /** Every wisp in it is closed. */
        FINISHED,
        /** Nothing in it changed since the cutoff and nobody holds it. */
        ABANDONED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a molecule is kept. */
    public enum Hold {
        /** One of its issues is hooked or in progress. */
        ACTIVE,
        /** The caller named it (or one of its issues) as protected: it is on, or attached to, an agent's hook. */
        ON_A_HOOK,
        /** Open work in it changed since the cutoff. */
        RECENT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A molecule to remove: its root, why, and the wisps that go (root included). */
    public record Collected(String rootId, Reason reason, List<String> wispIds) {
        public JsonObject toJson() {
            return new JsonObject().put("id", rootId).put("reason", reason.key()).put("issues", wispIds.size());
        }
    }

    /** A molecule that stays, and why. */
    public record Kept(String rootId, Hold hold) {
        public JsonObject toJson() {
            return new JsonObject().put("id", rootId).put("reason", hold.key());
        }
    }

    /** What a collection removes and keeps. */
    public record Plan(List<Collected> collected, List<Kept> kept) {
        public Plan {
            collected = List.copyOf(collected);
            kept = List.copyOf(kept);
        }

        public Set<String> wispIds() {
            Set<String> ids = new LinkedHashSet<>();
            collected.forEach(c -> ids.addAll(c.wispIds()));
            return ids;
        }

        public JsonObject toJson() {
            JsonArray c = new JsonArray();
            collected.forEach(x -> c.add(x.toJson()));
            JsonArray k = new JsonArray();
            kept.forEach(x -> k.add(x.toJson()));
            return new JsonObject().put("collected", c).put("kept", k).put("deleted_count", wispIds().size());
        }
    }

    /** Roots of wisp molecules: wisps whose parent, if any, is not a wisp; oldest first. */
    public static List<IssueSummary> roots(StoreView v) {
        List<IssueSummary> out = new ArrayList<>();
        v.forEachIssue((IssueRow row) -> {
            if (!row.ephemeral()) {
                return;
            }
            IssueSummary s = row.summary();
            boolean wispParent = s.parents().stream().map(v::summary).anyMatch(p -> p != null && p.ephemeral());
            if (!wispParent) {
                out.add(s);
            }
        });
        out.sort((a, b) -> Long.compare(a.createdMicros(), b.createdMicros()));
        return out;
    }

    /** Decides, without changing anything, which molecules go. {@code cutoffMicros}: older changes are stale. */
    public static Plan plan(StoreView v, long cutoffMicros, Set<String> protectedIds) {
        List<Collected> collected = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (IssueSummary root : roots(v)) {
            Set<String> members = new LinkedHashSet<>();
            members.add(root.id());
            members.addAll(Descendants.of(v, root.id()));
            boolean active = false;
            boolean named = false;
            boolean recent = false;
            boolean allWispsDone = true;
            List<String> wisps = new ArrayList<>();
            for (String id : members) {
                IssueSummary s = v.summary(id);
                if (s == null) {
                    continue;
                }
                active |= s.status().equals(Status.HOOKED) || s.status().equals(Status.IN_PROGRESS);
                named |= protectedIds.contains(id);
                recent |= s.updatedMicros() >= cutoffMicros;
                if (s.ephemeral()) {
                    wisps.add(id);
                    allWispsDone &= s.status().isTerminal();
                }
            }
            if (active) {
                kept.add(new Kept(root.id(), Hold.ACTIVE));
            } else if (named) {
                kept.add(new Kept(root.id(), Hold.ON_A_HOOK));
            } else if (root.status().isTerminal()) {
                collected.add(new Collected(root.id(), Reason.CLOSED, wisps));
            } else if (allWispsDone) {
                collected.add(new Collected(root.id(), Reason.FINISHED, wisps));
            } else if (!recent) {
                collected.add(new Collected(root.id(), Reason.ABANDONED, wisps));
            } else {
                kept.add(new Kept(root.id(), Hold.RECENT));
            }
        }
        return new Plan(collected, kept);
    }

    /**
     * Plans and, unless {@code dryRun}, removes the collected wisps. The removal decides again under the store's
     * exclusive lock, so what it removes is what that second look found.
     */
    public static Plan collect(Store store, long cutoffMicros, Set<String> protectedIds, boolean dryRun) {
        Plan seen = store.read(v -> plan(v, cutoffMicros, protectedIds));
        if (dryRun || seen.collected().isEmpty()) {
            return seen;
        }
        Plan[] decided = new Plan[1];
        store.bulkDelete(v -> {
            decided[0] = plan(v, cutoffMicros, protectedIds);
            return decided[0].wispIds();
        });
        return decided[0];
    }
}
