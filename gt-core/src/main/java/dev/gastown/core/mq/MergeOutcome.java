package dev.gastown.core.mq;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one run of the merge engine ended. Each kind has its own exit code, and its JSON always has the same keys
 * ({@code outcome}, {@code mr}, {@code branch}, {@code issue}, {@code target}, {@code resolve_task}, {@code sha},
 * {@code detail}, {@code files}), {@code null} where a key does not apply: the Refinery agent reads it every patrol.
 */
public sealed interface MergeOutcome {

    /** The kinds of ending, with their exit codes. */
    enum Kind {
        MERGED(0), EMPTY(10), CONFLICT(11), TESTS_FAILED(12), BRANCH_MISSING(13), PUSH_FAILED(14);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        /** Whether a request that ended this way waits for a new submission or a retry before it is tried again. */
        public boolean holdsRequest() {
            return this == TESTS_FAILED || this == BRANCH_MISSING;
        }

        public static Optional<Kind> parse(String text) {
            try {
                return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    Kind kind();

    /** The request this run took; empty when there was none. */
    Optional<MergeRequest> request();

    JsonObject toJson();

    /** One line for people. */
    String summary();

    /** An ending of a run that took a request. */
    sealed interface Attempt extends MergeOutcome {
        MergeRequest mr();

        @Override
        default Optional<MergeRequest> request() {
            return Optional.of(mr());
        }
    }

    /**
     * The branch's work is on the target at {@code sha}.
     *
     * @param alreadyOnTarget the target held the branch's changes before this run pushed anything
     */
    record Merged(MergeRequest mr, String sha, boolean alreadyOnTarget) implements Attempt {
        @Override
        public Kind kind() {
            return Kind.MERGED;
        }

        @Override
        public JsonObject toJson() {
            return json(this, mr, sha, null, alreadyOnTarget ? "already on the target" : "merged", List.of());
        }

        @Override
        public String summary() {
            return "Merged " + mr.id() + " (" + mr.branch() + ") to " + mr.target() + " at " + sha
                    + (alreadyOnTarget ? " (the target already had its changes)" : "");
        }
    }

    /** The branch does not rebase onto the target; {@code task} is the resolve task the request now waits on. */
    record Conflict(MergeRequest mr, String task, String targetSha, List<String> files) implements Attempt {
        public Conflict {
            files = List.copyOf(files);
        }

        @Override
        public Kind kind() {
            return Kind.CONFLICT;
        }

        @Override
        public JsonObject toJson() {
            return json(this, mr, targetSha, task, "conflicts with " + mr.target() + " at " + targetSha, files);
        }

        @Override
        public String summary() {
            return "Conflict: " + mr.branch() + " does not rebase onto " + mr.target() + " (" + String.join(", ",
                    files) + "); filed " + task + ", " + mr.id() + " waits on it";
        }
    }

    /** The rig's test command failed on the rebased branch; the target was not touched. */
    record TestsFailed(MergeRequest mr, String sha, String detail, String outputTail) implements Attempt {
        @Override
        public Kind kind() {
            return Kind.TESTS_FAILED;
        }

        @Override
        public JsonObject toJson() {
            return json(this, mr, sha, null, detail, List.of());
        }

        @Override
        public String summary() {
            return "Tests failed for " + mr.id() + " (" + mr.branch() + "): " + detail;
        }
    }

    /**
     * A branch the merge needs is not on origin: the request's own (and its work is not on the target), or the
     * target itself. Nothing was deleted; the request is held.
     */
    record BranchMissing(MergeRequest mr, String detail) implements Attempt {
        @Override
        public Kind kind() {
            return Kind.BRANCH_MISSING;
        }

        @Override
        public JsonObject toJson() {
            return json(this, mr, null, null, detail, List.of());
        }

        @Override
        public String summary() {
            return "Branch missing for " + mr.id() + ": " + detail + "; nothing was deleted";
        }
    }

    /** The target could not be updated (it kept moving, or the remote refused). */
    record PushFailed(MergeRequest mr, String sha, String detail) implements Attempt {
        @Override
        public Kind kind() {
            return Kind.PUSH_FAILED;
        }

        @Override
        public JsonObject toJson() {
            return json(this, mr, sha, null, detail, List.of());
        }

        @Override
        public String summary() {
            return "Push failed for " + mr.id() + " (" + mr.branch() + "): " + detail;
        }
    }

    /** No request is ready. */
    record Empty(String rig) implements MergeOutcome {
        @Override
        public Kind kind() {
            return Kind.EMPTY;
        }

        @Override
        public Optional<MergeRequest> request() {
            return Optional.empty();
        }

        @Override
        public JsonObject toJson() {
            return json(this, null, null, null, "no merge request is ready in " + rig, List.of());
        }

        @Override
        public String summary() {
            return "Queue empty: no merge request is ready in " + rig;
        }
    }

    private static JsonObject json(MergeOutcome o, MergeRequest mr, String sha, String task, String detail,
            List<String> files) {
        JsonArray fileArray = new JsonArray();
        files.forEach(fileArray::add);
        return new JsonObject().put("outcome", o.kind().name())
                .put("mr", text(mr == null ? null : mr.id()))
                .put("branch", text(mr == null ? null : mr.branch()))
                .put("issue", text(mr == null ? null : mr.sourceIssue()))
                .put("target", text(mr == null ? null : mr.target()))
                .put("resolve_task", text(task)).put("sha", text(sha)).put("detail", text(detail))
                .put("files", fileArray);
    }

    private static JsonValue text(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }
}
