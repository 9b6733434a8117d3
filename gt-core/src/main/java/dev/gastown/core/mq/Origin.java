package dev.gastown.core.mq;

import dev.gastown.beads.git.GitCli;
import dev.gastown.core.GtException;
import java.util.Optional;

/**
 * The {@code origin} remote of a checkout, asked directly rather than through remote-tracking refs: what a branch
 * points at there, pushing one commit to a branch, and deleting a branch only while it still points where expected.
 */
final class Origin {
    private final GitCli git;

    Origin(GitCli git) {
        this.git = git;
    }

    /** The commit {@code branch} points at on origin, or empty when origin has no such branch. */
    Optional<String> head(String branch) {
        GitCli.Result r = git.run("ls-remote", "origin", "refs/heads/" + branch);
        if (!r.ok()) {
            throw new GtException("cannot ask origin about " + branch + ": " + r.stderr().strip());
        }
        String out = r.out();
        return out.isEmpty() ? Optional.empty() : Optional.of(out.split("\\s+")[0]);
    }

    /** Pushes {@code source} (a commit or {@code HEAD}) to {@code branch} on origin; never forced. */
    GitCli.Result push(String source, String branch) {
        return git.run("push", "--quiet", "origin", source + ":refs/heads/" + branch);
    }

    /**
     * Deletes {@code branch} on origin if it still points at {@code expected}; a branch that moved since (someone
     * pushed more work) is kept. Returns whether origin no longer has the branch.
     */
    boolean deleteIfAt(String branch, String expected) {
        git.run("push", "--quiet", "--force-with-lease=refs/heads/" + branch + ":" + expected, "origin",
                ":refs/heads/" + branch);
        return head(branch).isEmpty();
    }
}
