package dev.gastown.core.mq;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.core.GtException;
import dev.gastown.core.ledger.Fields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A merge request: a bead of type {@code merge-request} in a rig's store, whose description fields say what to
 * merge where. The original's fields ({@code branch}, {@code target}, {@code source_issue}, {@code rig},
 * {@code worker}, {@code agent_bead}, {@code retry_count}, {@code last_conflict_sha}, {@code conflict_task_id},
 * {@code merge_commit}, {@code close_reason}) plus the merge engine's record of its last attempt
 * ({@code last_outcome}, {@code last_failure}) and of the branch head it merged ({@code branch_head}).
 *
 * @param blockedBy the open beads this request waits on (a conflict's resolve task)
 */
public record MergeRequest(Issue bead, List<String> blockedBy) {
    public static final String BRANCH = "branch";
    public static final String TARGET = "target";
    public static final String SOURCE_ISSUE = "source_issue";
    public static final String RIG = "rig";
    public static final String WORKER = "worker";
    public static final String AGENT_BEAD = "agent_bead";
    public static final String RETRY_COUNT = "retry_count";
    public static final String LAST_CONFLICT_SHA = "last_conflict_sha";
    public static final String CONFLICT_TASK_ID = "conflict_task_id";
    public static final String MERGE_COMMIT = "merge_commit";
    public static final String BRANCH_HEAD = "branch_head";
    public static final String LAST_OUTCOME = "last_outcome";
    public static final String LAST_FAILURE = "last_failure";
    public static final String CLOSE_REASON = "close_reason";

    /** The agent-bead field naming the request an agent submitted last. */
    public static final String ACTIVE_MR = "active_mr";

    /** The {@code close_reason} of a merged request. */
    public static final String MERGED = "merged";
    /** The {@code close_reason} of a rejected request. */
    public static final String REJECTED = "rejected";

    /** Where a request stands in its rig's queue. */
    public enum State {
        /** Waiting its turn. */
        QUEUED,
        /** Waiting on an open bead, such as the task resolving its conflict. */
        BLOCKED,
        /** Its last attempt failed (tests, missing branch); held until it is submitted again or retried. */
        FAILED,
        MERGED,
        REJECTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MergeRequest {
        blockedBy = List.copyOf(blockedBy);
    }

    public String id() {
        return bead.id();
    }

    public Optional<String> field(String key) {
        return Fields.get(bead.description(), key);
    }

    private String required(String key) {
        return field(key).orElseThrow(() -> new GtException("merge request " + id() + " has no " + key
                + ": field"));
    }

    public String branch() {
        return required(BRANCH);
    }

    public String target() {
        return required(TARGET);
    }

    public String sourceIssue() {
        return required(SOURCE_ISSUE);
    }

    public String rig() {
        return required(RIG);
    }

    /** The address of the agent that submitted the work. */
    public Optional<String> worker() {
        return field(WORKER);
    }

    public int retryCount() {
        return field(RETRY_COUNT).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
    }

    public Optional<String> conflictTask() {
        return field(CONFLICT_TASK_ID);
    }

    public Optional<String> mergeCommit() {
        return field(MERGE_COMMIT);
    }

    public Optional<String> branchHead() {
        return field(BRANCH_HEAD);
    }

    public Optional<MergeOutcome.Kind> lastOutcome() {
        return field(LAST_OUTCOME).flatMap(MergeOutcome.Kind::parse);
    }

    public Optional<String> lastFailure() {
        return field(LAST_FAILURE);
    }

    public boolean isOpen() {
        return !bead.status().equals(Status.CLOSED) && !bead.status().equals(Status.TOMBSTONE);
    }

    public State state() {
        if (!isOpen()) {
            return field(CLOSE_REASON).filter(MERGED::equals).isPresent() ? State.MERGED : State.REJECTED;
        }
        if (!blockedBy.isEmpty()) {
            return State.BLOCKED;
        }
        return lastOutcome().filter(MergeOutcome.Kind::holdsRequest).isPresent() ? State.FAILED : State.QUEUED;
    }

    public JsonObject toJson() {
        JsonArray blocked = new JsonArray();
        blockedBy.forEach(blocked::add);
        return new JsonObject().put("id", id()).put("title", bead.title()).put("status", bead.status().name())
                .put("state", state().key()).put("priority", bead.priority())
                .put("created_at", bead.createdAt().text())
                .put(BRANCH, orNull(BRANCH)).put(TARGET, orNull(TARGET)).put(SOURCE_ISSUE, orNull(SOURCE_ISSUE))
                .put(RIG, orNull(RIG)).put(WORKER, orNull(WORKER)).put(AGENT_BEAD, orNull(AGENT_BEAD))
                .put(RETRY_COUNT, retryCount()).put(LAST_CONFLICT_SHA, orNull(LAST_CONFLICT_SHA))
                .put(CONFLICT_TASK_ID, orNull(CONFLICT_TASK_ID)).put(MERGE_COMMIT, orNull(MERGE_COMMIT))
                .put(LAST_OUTCOME, orNull(LAST_OUTCOME)).put(LAST_FAILURE, orNull(LAST_FAILURE))
                .put(CLOSE_REASON, orNull(CLOSE_REASON)).put("blocked_by", blocked);
    }

    private JsonValue orNull(String key) {
        return field(key).<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE);
    }
}
