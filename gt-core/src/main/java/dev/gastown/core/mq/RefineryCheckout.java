package dev.gastown.core.mq;

import dev.gastown.beads.git.GitCli;
import dev.gastown.core.GtException;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.workers.Worktrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Refinery's worktree of the rig's shared repository, where the merge engine rebases and tests. It belongs to
 * the engine: every run starts by {@link #restore restoring} it (a rebase left by a crash is aborted, the target
 * branch is checked out exactly as origin has it, untracked files go) and every attempt ends the same way. Branches
 * are read through the remote-tracking refs {@code origin/*} that {@link #fetch} refreshes; the work happens on one
 * scratch branch, {@value #SCRATCH}.
 */
final class RefineryCheckout {
    static final String SCRATCH = "refinery/merge";

    private final Path dir;
    private final GitCli git;

    RefineryCheckout(RigLayout rig, Map<String, String> env) {
        this.dir = rig.refineryWorktree();
        if (!Files.isDirectory(dir)) {
            throw new GtException("the Refinery's worktree " + dir + " is missing; the rig needs repair");
        }
        this.git = new GitCli(dir, env);
    }

    Path dir() {
        return dir;
    }

    Origin origin() {
        return new Origin(git);
    }

    void fetch() {
        git.check("fetch", "--quiet", "--prune", "origin");
    }

    /** Where origin's {@code target} was at the last fetch. */
    String targetHead(String target) {
        GitCli.Result r = git.run("rev-parse", "--verify", "--quiet", tracking(target));
        if (!r.ok()) {
            throw new GtException("origin has no branch " + target + " to merge into");
        }
        return r.out();
    }

    /** Where origin's {@code branch} was at the last fetch; empty when origin has no such branch. */
    Optional<String> branchHead(String branch) {
        GitCli.Result r = git.run("rev-parse", "--verify", "--quiet", tracking(branch));
        return r.ok() ? Optional.of(r.out()) : Optional.empty();
    }

    /** Whether origin's {@code target} (as last fetched) contains commit {@code sha}. */
    boolean targetContains(String target, String sha) {
        return git.run("cat-file", "-e", sha + "^{commit}").ok()
                && git.run("merge-base", "--is-ancestor", sha, tracking(target)).ok();
    }

    /** Whether every change of {@code head} is on origin's {@code target} already (by patch, so rebased copies count). */
    boolean changesOnTarget(String target, String head) {
        return Worktrees.unmerged(dir, head, tracking(target)).isEmpty();
    }

    /** The result of rebasing a branch onto the target. */
    sealed interface Rebase {
    }

    record Rebased(String sha) implements Rebase {
    }

    record Stopped(List<String> files) implements Rebase {
    }

    /**
     * Rebases {@code head} onto {@code base} on the scratch branch. A conflict leaves the rebase stopped (the caller
     * restores the worktree) and names the conflicting files.
     */
    Rebase rebase(String head, String base) {
        git.check("checkout", "--quiet", "-f", "-B", SCRATCH, head);
        GitCli.Result r = git.run("rebase", "--quiet", base);
        if (r.ok()) {
            return new Rebased(git.check("rev-parse", "HEAD"));
        }
        String files = git.run("diff", "--name-only", "--diff-filter=U").out();
        if (files.isEmpty()) {
            throw new GtException("rebasing " + head + " onto " + base + " in " + dir + " failed: "
                    + r.stderr().strip());
        }
        return new Stopped(List.of(files.split("\n")));
    }

    /** Moves the local target from {@code base} to the rebased scratch branch, refusing anything but a fast-forward. */
    String fastForward(String target, String base) {
        git.check("checkout", "--quiet", "-f", "-B", target, base);
        git.check("merge", "--quiet", "--ff-only", SCRATCH);
        return git.check("rev-parse", "HEAD");
    }

    /**
     * Leaves the worktree on {@code target} exactly as origin has it (last fetched) and clean: a rebase in
     * progress is aborted and the scratch branch removed. Nothing here can lose work: every commit the local
     * branches held is also on origin, on a request's branch.
     */
    void restore(String target) {
        if (Files.exists(gitPath("rebase-merge")) || Files.exists(gitPath("rebase-apply"))) {
            git.check("rebase", "--abort");
        }
        git.check("checkout", "--quiet", "-f", "-B", target, tracking(target));
        git.check("clean", "--quiet", "-fd");
        if (git.run("rev-parse", "--verify", "--quiet", "refs/heads/" + SCRATCH).ok()) {
            git.check("branch", "--quiet", "-D", SCRATCH);
        }
    }

    private Path gitPath(String name) {
        return dir.resolve(git.check("rev-parse", "--git-path", name));
    }

    private static String tracking(String branch) {
        return "refs/remotes/origin/" + branch;
    }
}
