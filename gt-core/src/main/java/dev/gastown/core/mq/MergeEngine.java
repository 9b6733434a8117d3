package dev.gastown.core.mq;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Comments;
import dev.gastown.beads.ops.Dependencies;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.beads.store.StoreTransaction;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mq.Checkpoint.Stage;
import dev.gastown.core.mq.MergeOutcome.Kind;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.town.Identities;
import dev.gastown.core.town.TownLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Refinery's merge engine, {@code gt mq process}: one merge request per run, under a per-rig lock, in the
 * Refinery's worktree. It takes the next request, rebases its branch onto the target on a scratch branch, runs the
 * rig's test command, fast-forwards the target, pushes it and checks origin, then closes the request and its issue
 * and lets the convoy land; every other ending is a typed {@link MergeOutcome} recorded on the request.
 *
 * <p>Crash safety: the merge commit is recorded on the request before the push, so a run after a crash finds it on
 * the target and finishes the bookkeeping instead of merging again; a branch whose changes the target already has
 * is treated as merged; what follows an outcome is finished by the next run ({@link FollowUp}); a branch is deleted
 * only after its merge is seen on the target. Nothing here force-pushes.
 */
public final class MergeEngine {
    /** How many times one run rebases, tests and pushes when the target (or the branch) moves under it. */
    public static final int PUSH_ATTEMPTS = 3;
    public static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofMinutes(30);

    private final Ledger ledger;
    private final Duration testTimeout;
    private final Checkpoint checkpoint;

    public MergeEngine(Ledger ledger, Duration testTimeout, Checkpoint checkpoint) {
        this.ledger = ledger;
        this.testTimeout = testTimeout;
        this.checkpoint = checkpoint;
    }

    /** One run: its outcome, and the requests whose follow-up an earlier, interrupted run left and this one did. */
    public record Run(MergeOutcome outcome, List<String> resumed) {
        public JsonObject toJson() {
            JsonArray r = new JsonArray();
            resumed.forEach(r::add);
            return outcome.toJson().put("resumed", r);
        }
    }

    /** Processes the next ready request of {@code rig}, as the queue orders them at {@code now}. */
    public Run processNext(String rigName, Instant now) {
        Rig rig = Rig.load(ledger.town(), rigName);
        String home = rig.settings().targetBranch();
        Map<String, String> env = Identities.environment(ledger.town(), new Address.Refinery(rigName));
        try (StoreLock.Held lock = TownLock.at(rig.layout().runtimeDir().resolve("merge-queue.lock"))) {
            RefineryCheckout checkout = new RefineryCheckout(rig.layout(), committerOnly(env));
            checkout.fetch();
            checkout.restore(home);
            List<String> resumed = new FollowUp(ledger, checkpoint).resume(rig, checkout);
            Optional<MergeQueue.Entry> next = new MergeQueue(ledger).next(rigName, now);
            MergeOutcome outcome = next.isEmpty() ? new MergeOutcome.Empty(rigName)
                    : attempt(rig, checkout, next.get().mr(), env);
            checkout.restore(home);
            return new Run(outcome, resumed);
        }
    }

    /**
     * Processes requests until the queue has none ready, a push fails (the remote needs a person), or a request
     * comes up a second time. Returns every run, in order.
     */
    public List<Run> processAll(String rigName, Instant now) {
        List<Run> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            Run run = processNext(rigName, now);
            runs.add(run);
            Kind kind = run.outcome().kind();
            if (kind == Kind.EMPTY || kind == Kind.PUSH_FAILED
                    || !seen.add(run.outcome().request().orElseThrow().id())) {
                return runs;
            }
        }
    }

    private MergeOutcome attempt(Rig rig, RefineryCheckout checkout, MergeRequest mr, Map<String, String> env) {
        String target = mr.target();
        Optional<String> recorded = mr.mergeCommit();
        if (recorded.isPresent() && checkout.targetContains(target, recorded.get())) {
            return merged(rig, checkout, mr, recorded.get(), mr.branchHead().orElse(null), true);
        }
        if (checkout.branchHead(target).isEmpty()) {
            return missing(rig, checkout, mr, "the target branch " + target + " is not on origin");
        }
        Optional<String> head = checkout.branchHead(mr.branch());
        if (head.isEmpty()) {
            return missing(rig, checkout, mr, "branch " + mr.branch() + " is not on origin and its work is not on "
                    + target);
        }
        if (checkout.changesOnTarget(target, head.get())) {
            return merged(rig, checkout, mr, checkout.targetHead(target), head.get(), true);
        }
        String sha = null;
        for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
            String base = checkout.targetHead(target);
            RefineryCheckout.Rebase rebase = checkout.rebase(head.get(), base);
            if (rebase instanceof RefineryCheckout.Stopped stopped) {
                checkpoint.reached(Stage.REBASE_STOPPED, mr.id());
                checkout.restore(target);
                return conflict(rig, checkout, mr, base, stopped.files());
            }
            sha = ((RefineryCheckout.Rebased) rebase).sha();
            if (sha.equals(base)) {
                return merged(rig, checkout, mr, base, head.get(), true);
            }
            checkpoint.reached(Stage.REBASED, mr.id());
            TestRun tests = TestRun.run(rig.settings().testCommand(), checkout.dir(), env, testTimeout);
            if (!tests.passed()) {
                String tested = sha;
                return failed(rig, checkout, mr, Kind.TESTS_FAILED, "tests failed on " + tested + " (" + mr.branch()
                        + " rebased onto " + target + " at " + base + "): " + tests.describe(testTimeout),
                        "Tests failed on " + tested + ": " + tests.describe(testTimeout) + "\n\n" + tests.outputTail(),
                        r -> new MergeOutcome.TestsFailed(r, tested, r.lastFailure().orElse(""), tests.outputTail()));
            }
            checkpoint.reached(Stage.TESTED, mr.id());
            recordIntent(rig, mr, sha, head.get());
            checkpoint.reached(Stage.INTENT_RECORDED, mr.id());
            Push push = push(checkout, target, base, sha, mr.branch(), head.get());
            if (push.landed()) {
                checkpoint.reached(Stage.PUSHED, mr.id());
                return merged(rig, checkout, mr, sha, head.get(), false);
            }
            if (push.refused() != null) {
                return pushFailed(rig, checkout, mr, sha, push.refused());
            }
            checkout.fetch();
            head = checkout.branchHead(mr.branch());
            if (head.isEmpty()) {
                return missing(rig, checkout, mr, "branch " + mr.branch() + " disappeared from origin during the"
                        + " merge");
            }
        }
        return pushFailed(rig, checkout, mr, sha, "origin's " + target + " or " + mr.branch() + " moved during each of "
                + PUSH_ATTEMPTS + " attempts");
    }

    /** How a push ended: landed, refused by the remote (why), or neither (the target or the branch moved). */
    private record Push(boolean landed, String refused) {
    }

    private static Push push(RefineryCheckout checkout, String target, String base, String sha, String branch,
            String head) {
        Origin origin = checkout.origin();
        if (!origin.head(branch).equals(Optional.of(head))) {
            return new Push(false, null);
        }
        checkout.fastForward(target, base);
        GitCli.Result pushed = origin.push(sha, target);
        Optional<String> remote = origin.head(target);
        if (remote.equals(Optional.of(sha))) {
            return new Push(true, null);
        }
        if (remote.isPresent() && !remote.get().equals(base)) {
            checkout.fetch();
            return new Push(checkout.targetContains(target, sha), null);
        }
        return new Push(false, "origin refused the push to " + target + ": " + (pushed.ok() ? "it stayed at "
                + remote.orElse("nothing") : pushed.stderr().strip()));
    }

    private void recordIntent(Rig rig, MergeRequest mr, String sha, String head) {
        BeadsContext store = ledger.rig(rig.name());
        ledger.write(store, tx -> MergeQueue.setFields(tx, store, mr.id(), MergeRequest.MERGE_COMMIT, sha,
                MergeRequest.BRANCH_HEAD, head));
    }

    /** Closes the issue, then (the commit point) closes the request with its merge recorded, then follows up. */
    private MergeOutcome merged(Rig rig, RefineryCheckout checkout, MergeRequest mr, String sha, String head,
            boolean alreadyOnTarget) {
        String reason = "Merged to " + mr.target() + " at " + sha;
        String issue = mr.sourceIssue();
        BeadsContext issueStore = ledger.owning(issue);
        ledger.write(issueStore, tx -> {
            tx.find(issue).filter(i -> !i.status().equals(Status.CLOSED) && !i.status().equals(Status.TOMBSTONE))
                    .ifPresent(i -> Closing.close(tx, issueStore, issue, reason + " (" + mr.id() + ")", true));
            return null;
        });
        checkpoint.reached(Stage.ISSUE_CLOSED, mr.id());
        MergeRequest closed = record(rig, mr, tx -> {
            BeadsContext store = ledger.rig(rig.name());
            MergeQueue.setFields(tx, store, mr.id(), MergeRequest.MERGE_COMMIT, sha, MergeRequest.BRANCH_HEAD, head,
                    MergeRequest.LAST_OUTCOME, Kind.MERGED.name(), MergeRequest.LAST_FAILURE, null,
                    MergeRequest.CLOSE_REASON, MergeRequest.MERGED);
            Closing.close(tx, store, mr.id(), reason, true);
        });
        new FollowUp(ledger, checkpoint).run(rig, checkout, mr.id());
        return new MergeOutcome.Merged(closed, sha, alreadyOnTarget);
    }

    /**
     * Files the resolve task and makes the request wait on it, in one transaction; a resolve task of an earlier
     * conflict still open is closed as superseded.
     */
    private MergeOutcome conflict(Rig rig, RefineryCheckout checkout, MergeRequest mr, String base,
            List<String> files) {
        String[] task = new String[1];
        MergeRequest waiting = record(rig, mr, tx -> {
            BeadsContext store = ledger.rig(rig.name());
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("mr", mr.id());
            fields.put(MergeRequest.BRANCH, mr.branch());
            fields.put(MergeRequest.TARGET, mr.target());
            fields.put(MergeRequest.SOURCE_ISSUE, mr.sourceIssue());
            fields.put(MergeRequest.RIG, rig.name());
            fields.put("conflict_sha", base);
            String description = Fields.render(fields) + "\n\n" + mr.branch() + " no longer rebases onto "
                    + mr.target() + ". Conflicting files:\n- " + String.join("\n- ", files) + "\n\nTo resolve: check"
                    + " out " + mr.branch() + ", rebase it onto origin/" + mr.target() + ", resolve, push it with"
                    + " git push --force-with-lease, close this task, and run gt done (or gt mq retry " + rig.name()
                    + " " + mr.id() + ").";
            Issue created = IssueFactory.create(tx, store, new NewIssue("Resolve merge conflicts: " + mr.branch())
                    .type(IssueType.TASK).priority(1).description(description));
            task[0] = created.id();
            mr.conflictTask().filter(old -> tx.find(old).filter(t -> !t.status().equals(Status.CLOSED)
                    && !t.status().equals(Status.TOMBSTONE)).isPresent())
                    .ifPresent(old -> Closing.close(tx, store, old, "Superseded by " + created.id(), true));
            Dependencies.add(tx, store, mr.id(), created.id(), DependencyType.BLOCKS, "");
            MergeQueue.setFields(tx, store, mr.id(), MergeRequest.CONFLICT_TASK_ID, created.id(),
                    MergeRequest.LAST_CONFLICT_SHA, base, MergeRequest.RETRY_COUNT,
                    Integer.toString(mr.retryCount() + 1), MergeRequest.LAST_OUTCOME, Kind.CONFLICT.name(),
                    MergeRequest.LAST_FAILURE, "conflicts with " + mr.target() + " at " + base + " in: "
                            + String.join(", ", files));
        });
        new FollowUp(ledger, checkpoint).run(rig, checkout, mr.id());
        return new MergeOutcome.Conflict(waiting, task[0], base, files);
    }

    private MergeOutcome missing(Rig rig, RefineryCheckout checkout, MergeRequest mr, String detail) {
        return failed(rig, checkout, mr, Kind.BRANCH_MISSING, detail, null,
                r -> new MergeOutcome.BranchMissing(r, detail));
    }

    private MergeOutcome pushFailed(Rig rig, RefineryCheckout checkout, MergeRequest mr, String sha, String detail) {
        return failed(rig, checkout, mr, Kind.PUSH_FAILED, detail, null,
                r -> new MergeOutcome.PushFailed(r, sha, detail));
    }

    /** Records a failed attempt on the request (open, retry count up), with an optional comment, and follows up. */
    private MergeOutcome failed(Rig rig, RefineryCheckout checkout, MergeRequest mr, Kind kind, String detail,
            String comment, Function<MergeRequest, MergeOutcome> outcome) {
        MergeRequest updated = record(rig, mr, tx -> {
            BeadsContext store = ledger.rig(rig.name());
            MergeQueue.setFields(tx, store, mr.id(), MergeRequest.RETRY_COUNT, Integer.toString(mr.retryCount() + 1),
                    MergeRequest.LAST_OUTCOME, kind.name(), MergeRequest.LAST_FAILURE, detail);
            if (comment != null) {
                Comments.add(tx, store, mr.id(), comment, ledger.actor());
            }
        });
        new FollowUp(ledger, checkpoint).run(rig, checkout, mr.id());
        return outcome.apply(updated);
    }

    /** Applies {@code change} and marks the follow-up pending, in one transaction on the rig's store. */
    private MergeRequest record(Rig rig, MergeRequest mr, Consumer<StoreTransaction> change) {
        BeadsContext store = ledger.rig(rig.name());
        MergeRequest out = ledger.write(store, tx -> {
            change.accept(tx);
            Updates.apply(tx, store, mr.id(), new IssueUpdate().addLabel(FollowUp.PENDING));
            return MergeQueue.load(tx, tx.get(mr.id()));
        });
        checkpoint.reached(Stage.RECORDED, mr.id());
        return out;
    }

    /** Git gets only the Refinery's committer identity: a rebase keeps each commit's author. */
    private static Map<String, String> committerOnly(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("GIT_COMMITTER_")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
