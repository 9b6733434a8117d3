package dev.gastown.core.maintenance;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mq.MergeQueue;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.town.TownLock;
import dev.gastown.core.workers.Worktrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code gt dog stale-branches}: deletes the {@code polecat/*} branches left in a rig's shared bare repository and
 * the Mayor's clone once their work is on the target branch. A branch stays while a live worktree has it checked
 * out, while an open merge request names it (the merge queue owns that branch), or while any of its commits is
 * missing from {@code origin/TARGET} (by patch identity, as {@code gt polecat nuke} judges it). The deletion is a
 * compare-and-delete of the sha that was checked, under the rig's worker lock, so a branch that moves meanwhile
 * stays. Branches on origin are the merge queue's business and are not touched.
 */
public final class StaleBranches {
    private static final String PREFIX = "polecat/";

    private final Ledger ledger;

    public StaleBranches(Ledger ledger) {
        this.ledger = ledger;
    }

    /** What happened to one branch. */
    public enum Verdict {
        DELETED, WOULD_DELETE, KEPT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One branch: its rig, the repository it is in ({@code bare} or {@code mayor}), its sha, the verdict and, for a
     * kept one, why.
     */
    public record Decision(String rig, String repo, String branch, String sha, Verdict verdict, String reason) {
        public JsonObject toJson() {
            return new JsonObject().put("rig", rig).put("repo", repo).put("branch", branch).put("sha", sha)
                    .put("verdict", verdict.key()).put("reason", reason);
        }
    }

    /** Sweeps one rig, or every rig when {@code rigName} is null. */
    public List<Decision> sweep(String rigName, boolean dryRun) {
        List<Rig> rigs = rigName == null ? Rig.all(ledger.town()) : List.of(Rig.load(ledger.town(), rigName));
        List<Decision> out = new ArrayList<>();
        for (Rig rig : rigs) {
            Set<String> queued = new MergeQueue(ledger).openBranches(rig.name());
            out.addAll(sweepRepo(rig, "bare", rig.layout().bareRepo(), queued, dryRun));
            if (Files.isDirectory(rig.layout().mayorClone())) {
                out.addAll(sweepRepo(rig, "mayor", rig.layout().mayorClone(), queued, dryRun));
            }
        }
        JsonArray deleted = new JsonArray();
        out.stream().filter(d -> d.verdict() == Verdict.DELETED).forEach(d -> deleted.add(d.rig() + ":" + d.repo()
                + ":" + d.branch()));
        if (!deleted.items().isEmpty()) {
            new EventLog(ledger.town()).append("branch_gc", ledger.actor(), new JsonObject().put("deleted", deleted));
        }
        return out;
    }

    private List<Decision> sweepRepo(Rig rig, String repoName, Path repo, Set<String> queued, boolean dryRun) {
        GitCli git = new GitCli(repo);
        git.run("fetch", "--quiet", "origin"); // offline: judged against what was fetched last, which only keeps more
        String target = "refs/remotes/origin/" + rig.settings().targetBranch();
        boolean targetKnown = git.run("rev-parse", "--verify", "--quiet", target).ok();
        List<Decision> out = new ArrayList<>();
        try (StoreLock.Held lock = TownLock.at(rig.layout().runtimeDir().resolve("workers.lock"))) {
            Map<String, Path> checkedOut = liveWorktreeBranches(git);
            for (String line : lines(git.check("for-each-ref", "--format=%(refname:short)%09%(objectname)",
                    "refs/heads/" + PREFIX))) {
                String[] f = line.split("\t");
                String branch = f[0];
                String sha = f[1];
                String reason = keepReason(repo, branch, target, targetKnown, checkedOut, queued);
                Verdict verdict;
                if (!reason.isEmpty()) {
                    verdict = Verdict.KEPT;
                } else if (dryRun) {
                    verdict = Verdict.WOULD_DELETE;
                } else if (git.run("update-ref", "-d", "refs/heads/" + branch, sha).ok()) {
                    verdict = Verdict.DELETED;
                } else {
                    verdict = Verdict.KEPT;
                    reason = "it moved while it was checked";
                }
                out.add(new Decision(rig.name(), repoName, branch, sha, verdict, reason));
            }
        }
        return out;
    }

    private static String keepReason(Path repo, String branch, String target, boolean targetKnown,
            Map<String, Path> checkedOut, Set<String> queued) {
        if (checkedOut.containsKey(branch)) {
            return "checked out in " + checkedOut.get(branch);
        }
        if (queued.contains(branch)) {
            return "an open merge request names it";
        }
        if (!targetKnown) {
            return "cannot see " + target + " to compare with";
        }
        int unmerged = Worktrees.unmerged(repo, "refs/heads/" + branch, target).size();
        return unmerged == 0 ? "" : unmerged + " commit(s) not on " + target.substring("refs/remotes/".length());
    }

    /** Branches checked out in a worktree whose directory still exists, and where. */
    private static Map<String, Path> liveWorktreeBranches(GitCli git) {
        Map<String, Path> out = new HashMap<>();
        Path current = null;
        for (String line : lines(git.check("worktree", "list", "--porcelain"))) {
            if (line.startsWith("worktree ")) {
                current = Path.of(line.substring("worktree ".length()));
            } else if (line.startsWith("branch refs/heads/") && current != null && Files.isDirectory(current)) {
                out.put(line.substring("branch refs/heads/".length()), current);
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text.isBlank() ? List.of() : List.of(text.split("\n"));
    }
}
