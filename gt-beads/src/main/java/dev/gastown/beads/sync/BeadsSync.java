package dev.gastown.beads.sync;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.merge.JsonlMerge;
import dev.gastown.beads.merge.MergeResult;
import dev.gastown.beads.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult.MergeStatus;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BranchTrackingStatus;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@code bd sync}: folds the journal into {@code issues.jsonl}, commits {@code .beads/}, brings in the remote's
 * work, and pushes. Local repository work goes through JGit; {@code issues.jsonl} conflicts are resolved in-process
 * by the bead merge (the same rules git's {@code beads} merge driver applies), so no driver needs to be installed.
 * Fetch and push run the {@code git} program, which knows the user's SSH setup and credential helpers. The push
 * counts only after {@code git ls-remote} shows the remote branch at the pushed commit.
 */
public final class BeadsSync {
    private static final int PUSH_ATTEMPTS = 3;

    private final Store store;
    private final Path repoRoot;
    private final String jsonlPath;
    private final String beadsPath;

    public BeadsSync(Store store) {
        this.store = store;
        this.repoRoot = GitCli.workTreeRoot(store.dir().root());
        if (repoRoot == null) {
            throw new SyncException("no git repository around " + store.dir().root() + "; bd sync needs one");
        }
        this.beadsPath = repoRoot.relativize(store.dir().path()).toString().replace('\\', '/');
        this.jsonlPath = repoRoot.relativize(store.dir().issuesJsonl()).toString().replace('\\', '/');
    }

    /** Options of one sync. */
    public record Options(boolean pull, boolean push, String message, boolean dryRun) {
    }

    public SyncStatus status() {
        try (Git git = Git.open(repoRoot.toFile())) {
            Repository repo = git.getRepository();
            String branch = currentBranch(repo);
            String remote = remoteOf(repo, branch);
            BranchTrackingStatus tracking = BranchTrackingStatus.of(repo, branch);
            boolean dirty = !git.status().addPath(beadsPath).call().isClean();
            return new SyncStatus(branch, remote == null ? "" : remote, tracking == null ? 0 : tracking.getAheadCount(),
                    tracking == null ? 0 : tracking.getBehindCount(), store.pendingChanges(), dirty);
        } catch (IOException | GitAPIException e) {
            throw new SyncException("cannot read the repository at " + repoRoot + ": " + e.getMessage(), e);
        }
    }

    public SyncReport sync(Options options) {
        List<String> notes = new ArrayList<>();
        store.compact();
        try (Git git = Git.open(repoRoot.toFile())) {
            Repository repo = git.getRepository();
            String branch = currentBranch(repo);
            String remote = remoteOf(repo, branch);
            if (options.dryRun()) {
                notes.add("dry run: nothing committed, pulled or pushed");
                return new SyncReport(branch, remote, null, SyncReport.Pull.SKIPPED, false, head(repo), List.of(),
                        notes);
            }
            String commit = commitBeads(git, options.message());
            SyncReport.Pull pull = SyncReport.Pull.SKIPPED;
            List<dev.gastown.beads.merge.MergeConflict> conflicts = new ArrayList<>();
            boolean pushed = false;
            if (remote == null) {
                notes.add("branch " + branch + " has no remote; committed locally only");
                return new SyncReport(branch, null, commit, SyncReport.Pull.NO_REMOTE, false, head(repo), conflicts,
                        notes);
            }
            for (int attempt = 1; attempt <= PUSH_ATTEMPTS; attempt++) {
                if (options.pull()) {
                    pull = pull(git, repo, remote, branch, conflicts);
                }
                if (!options.push()) {
                    break;
                }
                if (push(remote, branch, head(repo))) {
                    pushed = true;
                    break;
                }
                if (!options.pull()) {
                    throw new SyncException("the remote has moved on; run bd sync without --no-pull to merge first");
                }
                notes.add("push rejected (someone pushed first); pulling again (attempt " + (attempt + 1) + ")");
            }
            if (options.push() && !pushed) {
                throw new SyncException("could not push " + branch + " to " + remote + " after " + PUSH_ATTEMPTS
                        + " attempts; the local commits are kept");
            }
            store.read(view -> view.size()); // re-index and validate what the pull brought in
            return new SyncReport(branch, remote, commit, pull, pushed, head(repo), conflicts, notes);
        } catch (IOException | GitAPIException e) {
            throw new SyncException("sync failed in " + repoRoot + ": " + e.getMessage(), e);
        }
    }

    /** Commits the changed files under {@code .beads/} (and only those); returns the commit id or null. */
    private String commitBeads(Git git, String message) throws GitAPIException {
        var status = git.status().addPath(beadsPath).call();
        Set<String> changed = new TreeSet<>();
        changed.addAll(status.getModified());
        changed.addAll(status.getUntracked());
        changed.addAll(status.getAdded());
        changed.addAll(status.getChanged());
        Set<String> removed = new TreeSet<>(status.getMissing());
        if (changed.isEmpty() && removed.isEmpty()) {
            return null;
        }
        for (String path : changed) {
            git.add().addFilepattern(path).call();
        }
        for (String path : removed) {
            git.rm().addFilepattern(path).call();
        }
        var commit = git.commit().setMessage(message == null || message.isBlank() ? "bd sync: update beads" : message);
        for (String path : changed) {
            commit.setOnly(path);
        }
        for (String path : removed) {
            commit.setOnly(path);
        }
        return commit.call().getName();
    }

    private SyncReport.Pull pull(Git git, Repository repo, String remote, String branch,
            List<dev.gastown.beads.merge.MergeConflict> conflicts) throws IOException, GitAPIException {
        new GitCli(repoRoot).check("fetch", "--quiet", remote, branch);
        ObjectId theirs = repo.resolve("refs/remotes/" + remote + "/" + branch);
        if (theirs == null) {
            return SyncReport.Pull.UP_TO_DATE; // the remote does not have the branch yet; the push creates it
        }
        var result = git.merge().include(theirs).setFastForward(MergeCommand.FastForwardMode.FF)
                .setMessage("bd sync: merge " + remote + "/" + branch).call();
        MergeStatus s = result.getMergeStatus();
        if (s == MergeStatus.ALREADY_UP_TO_DATE) {
            return SyncReport.Pull.UP_TO_DATE;
        }
        if (s == MergeStatus.FAST_FORWARD) {
            return SyncReport.Pull.FAST_FORWARD;
        }
        if (s == MergeStatus.MERGED) {
            return SyncReport.Pull.MERGED;
        }
        if (s == MergeStatus.CONFLICTING) {
            Set<String> files = result.getConflicts() == null ? Set.of() : result.getConflicts().keySet();
            if (files.equals(Set.of(jsonlPath))) {
                resolveJsonl(git, repo, theirs, remote, branch, conflicts);
                return SyncReport.Pull.MERGED_BEADS;
            }
            throw new SyncException("merging " + remote + "/" + branch + " conflicts in " + String.join(", ", files)
                    + "; the repository is left mid-merge: resolve those files with git, commit, and run bd sync "
                    + "again");
        }
        Map<String, ?> failing = result.getFailingPaths();
        throw new SyncException("cannot merge " + remote + "/" + branch + " (" + s + ")"
                + (failing == null ? "" : ": local changes in " + String.join(", ", failing.keySet())
                        + " would be overwritten; commit or stash them first"));
    }

    private void resolveJsonl(Git git, Repository repo, ObjectId theirs, String remote, String branch,
            List<dev.gastown.beads.merge.MergeConflict> conflicts) throws IOException, GitAPIException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit ours = walk.parseCommit(repo.resolve("HEAD"));
            RevCommit their = walk.parseCommit(theirs);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(ours);
            walk.markStart(their);
            RevCommit base = walk.next();
            MergeResult merged = JsonlMerge.merge(blob(repo, base), blob(repo, ours), blob(repo, their));
            Files.writeString(repoRoot.resolve(jsonlPath), merged.merged(), StandardCharsets.UTF_8);
            conflicts.addAll(merged.conflicts());
            if (merged.hasUnresolved()) {
                throw new SyncException("both sides created different issues under the same id ("
                        + String.join(", ", merged.conflicts().stream().filter(c -> c.unresolved())
                                .map(c -> c.issueId()).toList())
                        + "); " + jsonlPath + " holds both lines and the repository is left mid-merge: give one of "
                        + "them a new id, git add, git commit, and run bd sync again");
            }
        }
        git.add().addFilepattern(jsonlPath).call();
        git.commit().setMessage("bd sync: merge " + remote + "/" + branch + " (beads merged field by field)").call();
    }

    private String blob(Repository repo, RevCommit commit) throws IOException {
        if (commit == null) {
            return "";
        }
        try (TreeWalk tw = TreeWalk.forPath(repo, jsonlPath, commit.getTree())) {
            if (tw == null) {
                return "";
            }
            return new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Pushes and checks the remote now points at {@code head}; false when the push was rejected as stale. */
    private boolean push(String remote, String branch, String head) {
        GitCli git = new GitCli(repoRoot);
        GitCli.Result r = git.run("push", "--porcelain", remote, "HEAD:refs/heads/" + branch);
        if (!r.ok()) {
            if (r.stdout().contains("[rejected]") || r.stderr().contains("fetch first")
                    || r.stderr().contains("non-fast-forward")) {
                return false;
            }
            throw new SyncException("git push to " + remote + " failed: " + r.stderr().strip());
        }
        String remoteHead = git.check("ls-remote", remote, "refs/heads/" + branch).split("\\s")[0];
        if (!remoteHead.equals(head)) {
            throw new SyncException("pushed, but " + remote + " shows " + branch + " at " + remoteHead
                    + " instead of " + head);
        }
        return true;
    }

    private static String head(Repository repo) throws IOException {
        ObjectId id = repo.resolve("HEAD");
        return id == null ? "" : id.getName();
    }

    private static String currentBranch(Repository repo) throws IOException {
        String branch = repo.getBranch();
        if (branch == null || ObjectId.isId(branch)) {
            throw new SyncException("HEAD is detached; check out a branch before bd sync");
        }
        return branch;
    }

    private static String remoteOf(Repository repo, String branch) {
        String remote = repo.getConfig().getString("branch", branch, "remote");
        if (remote != null) {
            return remote;
        }
        return repo.getRemoteNames().contains("origin") ? "origin" : null;
    }
}
