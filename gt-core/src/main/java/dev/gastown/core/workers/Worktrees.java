package dev.gastown.core.workers;

import dev.gastown.beads.git.GitCli;
import java.nio.file.Path;
import java.util.List;

/**
 * What git says about a worker's checkout: its branch, whether its tree is clean, and which of its commits the
 * target branch does not contain yet.
 */
public final class Worktrees {
    private Worktrees() {
    }

    public static String branch(Path worktree) {
        return new GitCli(worktree).check("rev-parse", "--abbrev-ref", "HEAD");
    }

    /** Uncommitted changes and untracked files, as {@code git status --porcelain} lines. */
    public static List<String> dirt(Path worktree) {
        String s = new GitCli(worktree).check("status", "--porcelain");
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    /**
     * Commits on {@code branch} whose change is not on {@code target} (by patch identity, so a rebased copy of a
     * commit counts as merged), run in any checkout of the repository.
     */
    public static List<String> unmerged(Path repo, String branch, String target) {
        GitCli git = new GitCli(repo);
        if (!git.run("rev-parse", "--verify", "--quiet", branch).ok()) {
            return List.of();
        }
        String out = git.check("cherry", target, branch);
        return out.isEmpty() ? List.of() : List.of(out.split("\n")).stream().filter(l -> l.startsWith("+"))
                .map(l -> l.substring(2).strip()).toList();
    }
}
