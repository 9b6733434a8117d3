package dev.gastown.beads.mol;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bd mol squash}: a molecule's wisp steps become one permanent, closed digest (what patrols leave in git
 * after each cycle), and the steps are removed. The root is closed with a pointer to the digest, so a finished
 * patrol no longer looks active.
 */
public final class Squashing {
    private static final int LISTED_STEPS = 200;
    private static final int DESCRIPTION_CHARS = 200;

    private Squashing() {
    }

    /** What a squash did. */
    public record Squashed(String moleculeId, String digestId, List<String> squashedIds, int deletedCount,
            boolean keptChildren) {

        /** The {@code bd mol squash --json} shape. */
        public JsonObject toJson() {
            JsonArray ids = new JsonArray();
            squashedIds.forEach(ids::add);
            return new JsonObject().put("molecule_id", moleculeId).put("digest_id", digestId)
                    .put("squashed_ids", ids).put("squashed_count", squashedIds.size())
                    .put("deleted_count", deletedCount).put("kept_children", keptChildren);
        }
    }

    public static Squashed squash(StoreTransaction tx, BeadsContext ctx, String rootId, String summary,
            boolean keepChildren) {
        Issue root = tx.get(rootId);
        List<IssueSummary> steps = Molecules.steps(tx, rootId);
        List<String> wisps = new ArrayList<>();
        for (IssueSummary s : steps) {
            if (s.ephemeral()) {
                wisps.add(s.id());
            }
        }
        if (wisps.isEmpty()) {
            throw new MoleculeException(rootId + " has no wisp steps to squash");
        }
        String description = summary == null || summary.isBlank() ? generatedSummary(tx, root, steps) : summary;
        Issue digest = IssueFactory.create(tx, ctx, new NewIssue("Digest: " + root.title())
                .type(IssueType.TASK).status(Status.CLOSED).description(description)
                .link(DependencyType.PARENT_CHILD, rootId).force(true));
        tx.put(digest.toBuilder().closeReason("Squashed from " + wisps.size() + " wisps").build());
        if (!keepChildren) {
            wisps.forEach(tx::delete);
        }
        if (!root.status().isTerminal()) {
            Timestamp now = Timestamp.now();
            tx.put(root.toBuilder().status(Status.CLOSED).closedAt(now).updatedAt(now)
                    .closeReason("squashed into " + digest.id()).build());
        }
        return new Squashed(rootId, digest.id(), wisps, keepChildren ? 0 : wisps.size(), keepChildren);
    }

    private static String generatedSummary(StoreTransaction tx, Issue root, List<IssueSummary> steps) {
        long done = steps.stream().filter(s -> s.status().isTerminal()).count();
        StringBuilder sb = new StringBuilder("## Molecule Execution Summary\n\n");
        sb.append("**Molecule:** ").append(root.title()).append(" (").append(root.id()).append(")\n");
        sb.append("**Steps:** ").append(steps.size()).append(", ").append(done).append(" done\n\n");
        int shown = 0;
        for (IssueSummary s : steps) {
            if (shown++ == LISTED_STEPS) {
                sb.append("- ... and ").append(steps.size() - LISTED_STEPS).append(" more steps\n");
                break;
            }
            Issue step = tx.get(s.id());
            sb.append("- [").append(s.status().isTerminal() ? 'x' : ' ').append("] ").append(step.title());
            if (!step.closeReason().isEmpty()) {
                sb.append(" — ").append(step.closeReason());
            }
            sb.append('\n');
            String d = step.description().strip();
            if (!d.isEmpty()) {
                sb.append("  ").append(d.length() > DESCRIPTION_CHARS ? d.substring(0, DESCRIPTION_CHARS) + "..." : d)
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code bd mol burn}: what was removed. {@code tombstoned} for a persistent molecule. */
    public record Burned(String moleculeId, List<String> deletedIds, boolean tombstoned) {

        /** The {@code bd mol burn --json} shape. */
        public JsonObject toJson() {
            JsonArray ids = new JsonArray();
            deletedIds.forEach(ids::add);
            return new JsonObject().put("molecule_id", moleculeId).put("deleted_ids", ids)
                    .put("deleted_count", deletedIds.size());
        }
    }

    /**
     * Removes a molecule: a wisp and its steps disappear; a persistent one is tombstoned (so the deletion reaches
     * other clones), and only when {@code force} is given.
     */
    public static Burned burn(StoreTransaction tx, BeadsContext ctx, String rootId, boolean force) {
        Issue root = tx.get(rootId);
        List<String> ids = new ArrayList<>();
        ids.add(rootId);
        ids.addAll(dev.gastown.beads.query.Descendants.of(tx, rootId));
        if (!root.ephemeral() && !force) {
            throw new MoleculeException(rootId + " is a persistent molecule of " + ids.size()
                    + " issues; burning tombstones them all: add --force");
        }
        for (String id : ids) {
            Closing.delete(tx, ctx, id, "burned with molecule " + rootId);
        }
        return new Burned(rootId, ids, !root.ephemeral());
    }
}
