package dev.gastown.beads.ops;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.Fsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Connects a store to the git repository around it: {@code .gitattributes} routes {@code issues.jsonl} to the
 * {@code beads} merge driver, the repository config defines that driver as {@code bd merge %A %O %A %B}, and a
 * pre-commit hook folds the journal into {@code issues.jsonl} and stages it, so a commit always carries the store's
 * current state. An existing foreign pre-commit hook is left alone and reported.
 */
public final class GitHookup {
    static final String HOOK_MARKER = "# beads: flush the journal into issues.jsonl before committing";

    private GitHookup() {
    }

    /** What was set up in git. */
    public record Outcome(boolean inRepository, boolean attributes, boolean driver, String hook) {
        static final Outcome NONE = new Outcome(false, false, false, "no git repository");
    }

    public static Outcome install(BeadsDir dir) {
        Path repo = GitCli.workTreeRoot(dir.root());
        if (repo == null) {
            return Outcome.NONE;
        }
        String rel = repo.relativize(dir.issuesJsonl()).toString().replace('\\', '/');
        boolean attributes = appendLine(repo.resolve(".gitattributes"), rel + " merge=beads");
        GitCli git = new GitCli(repo);
        boolean driver = git.run("config", "merge.beads.name", "beads JSONL three-way merge").ok()
                && git.run("config", "merge.beads.driver", "bd merge %A %O %A %B").ok();
        return new Outcome(true, attributes, driver, installHook(repo, rel));
    }

    private static boolean appendLine(Path file, String line) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.contains(line)) {
                return true;
            }
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text += "\n";
            }
            Fsync.writeAtomically(file, text + line + "\n");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }

    private static String installHook(Path repo, String jsonl) {
        Path hooks = hooksDir(repo);
        if (hooks == null) {
            return "hook not installed: cannot find the hooks directory";
        }
        Path hook = hooks.resolve("pre-commit");
        try {
            if (Files.exists(hook) && !Files.readString(hook).contains(HOOK_MARKER)) {
                return "hook not installed: " + hook + " exists; add 'bd flush --quiet && git add " + jsonl
                        + "' to it";
            }
            Files.createDirectories(hooks);
            String script = "#!/bin/sh\n" + HOOK_MARKER + "\n"
                    + "if command -v bd >/dev/null 2>&1; then\n"
                    + "  bd flush --quiet && git add " + jsonl + "\n"
                    + "fi\n";
            Fsync.writeAtomically(hook, script);
            Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            return "pre-commit hook installed";
        } catch (IOException | UnsupportedOperationException e) {
            return "hook not installed: " + e.getMessage();
        }
    }

    private static Path hooksDir(Path repo) {
        GitCli.Result r = new GitCli(repo).run("rev-parse", "--git-path", "hooks");
        return r.ok() ? repo.resolve(r.out()).normalize() : null;
    }
}
