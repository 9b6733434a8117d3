package dev.gastown.beads.ops;

import dev.gastown.beads.graph.BlockingRules;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds and removes edges. There is at most one edge per ordered pair of issues, whatever its type; cycles are
 * refused; {@code relates-to} is stored in both directions.
 */
public final class Dependencies {
    private Dependencies() {
    }

    /** Outcome of an add: whether an edge was written or the same one was already there. */
    public enum Added { ADDED, ALREADY_PRESENT }

    public static Added add(StoreTransaction tx, BeadsContext ctx, String issueId, String dependsOn,
            DependencyType type, String metadata) {
        boolean external = dependsOn.startsWith("external:");
        if (!external && !tx.contains(dependsOn)) {
            throw new InvalidInputException("issue not found: " + dependsOn);
        }
        return addChecked(tx, ctx, issueId, dependsOn, type, metadata, external);
    }

    /**
     * Adds an edge to an issue that lives in another store (a town convoy tracking a rig's issue): the target is
     * not looked up here. Only for edge types that never block work, since this store cannot see the target's
     * status.
     */
    public static Added addAcrossStores(StoreTransaction tx, BeadsContext ctx, String issueId, String dependsOn,
            DependencyType type) {
        if (BlockingRules.affectsReadiness(type)) {
            throw new InvalidInputException(type + " edges must point inside their store; " + dependsOn
                    + " is elsewhere");
        }
        return addChecked(tx, ctx, issueId, dependsOn, type, "", true);
    }

    private static Added addChecked(StoreTransaction tx, BeadsContext ctx, String issueId, String dependsOn,
            DependencyType type, String metadata, boolean external) {
        Issue issue = tx.get(issueId);
        for (Dependency d : issue.dependencies()) {
            if (d.dependsOnId().equals(dependsOn)) {
                if (d.type().equals(type)) {
                    return Added.ALREADY_PRESENT;
                }
                throw new InvalidInputException(issueId + " already depends on " + dependsOn + " (" + d.type()
                        + "); remove that edge first");
            }
        }
        if (!external) {
            Cycles.refuse(tx, issueId, dependsOn, type);
        }
        Timestamp now = Timestamp.now();
        put(tx, issue, new Dependency(issueId, dependsOn, type, now, ctx.actor(), metadata, "", List.of()), now);
        if (type.equals(DependencyType.RELATES_TO) && !external) {
            Issue other = tx.get(dependsOn);
            if (other.dependencies().stream().noneMatch(d -> d.dependsOnId().equals(issueId))) {
                put(tx, other, Dependency.of(dependsOn, issueId, type, now, ctx.actor()), now);
            }
        }
        return Added.ADDED;
    }

    /** Removes the edge from {@code issueId} to {@code dependsOn}; returns its type, or null when there was none. */
    public static DependencyType remove(StoreTransaction tx, String issueId, String dependsOn) {
        Issue issue = tx.get(issueId);
        List<Dependency> kept = new ArrayList<>();
        DependencyType removed = null;
        for (Dependency d : issue.dependencies()) {
            if (d.dependsOnId().equals(dependsOn)) {
                removed = d.type();
            } else {
                kept.add(d);
            }
        }
        if (removed == null) {
            return null;
        }
        Timestamp now = Timestamp.now();
        tx.put(issue.toBuilder().dependencies(kept).updatedAt(now).build());
        if (removed.equals(DependencyType.RELATES_TO) && tx.contains(dependsOn)) {
            Issue other = tx.get(dependsOn);
            List<Dependency> otherKept = other.dependencies().stream()
                    .filter(d -> !(d.dependsOnId().equals(issueId) && d.type().equals(DependencyType.RELATES_TO)))
                    .toList();
            if (otherKept.size() != other.dependencies().size()) {
                tx.put(other.toBuilder().dependencies(otherKept).updatedAt(now).build());
            }
        }
        return removed;
    }

    private static void put(StoreTransaction tx, Issue issue, Dependency dep, Timestamp now) {
        List<Dependency> deps = new ArrayList<>(issue.dependencies());
        deps.add(dep);
        tx.put(issue.toBuilder().dependencies(deps).updatedAt(now).build());
    }
}
