package dev.gastown.beads.ops;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.Fsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bd init}: creates {@code .beads} with an empty {@code issues.jsonl}, {@code config.yaml} naming the prefix,
 * {@code metadata.json}, and a {@code .gitignore} for the local files. Inside a git repository it also registers
 * the JSONL merge driver (see {@link GitHookup}).
 */
public final class StoreSetup {
    private StoreSetup() {
    }

    /** What init did. */
    public record Result(BeadsDir dir, String prefix, boolean created, GitHookup.Outcome git) {
    }

    public static Result init(Path root, String prefix, boolean force) {
        BeadsDir dir = new BeadsDir(root.resolve(BeadsDir.DIR_NAME));
        String p = prefix == null || prefix.isBlank() ? derivePrefix(root) : prefix.trim();
        checkPrefix(p);
        boolean exists = Files.exists(dir.issuesJsonl());
        if (exists && !force) {
            throw new InvalidInputException("a beads store already exists at " + dir.path()
                    + " (use --force to rewrite its config; issues are never touched)");
        }
        try {
            Files.createDirectories(dir.path());
            if (!exists) {
                Fsync.writeAtomically(dir.issuesJsonl(), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.path(), e);
        }
        if (!Files.exists(dir.configYaml())) {
            Fsync.writeAtomically(dir.configYaml(), configTemplate());
        }
        BeadsConfig.set(dir, BeadsConfig.ISSUE_PREFIX, p);
        if (!Files.exists(dir.metadataJson())) {
            Fsync.writeAtomically(dir.metadataJson(),
                    "{\n  \"database\": \"beads.db\",\n  \"jsonl_export\": \"issues.jsonl\"\n}");
        }
        Fsync.writeAtomically(dir.gitignore(), gitignore());
        return new Result(dir, p, !exists, GitHookup.install(dir));
    }

    /** A prefix from the directory name: lowercase letters and digits, at most 8 characters. */
    static String derivePrefix(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        String base = name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (base.isEmpty()) {
            return "bd";
        }
        return base.length() > 8 ? base.substring(0, 8) : base;
    }

    static void checkPrefix(String p) {
        if (!p.matches("[a-z0-9][a-z0-9_-]{0,31}") || p.endsWith("-")) {
            throw new InvalidInputException("invalid prefix \"" + p
                    + "\" (lowercase letters, digits, '_' or '-', not ending in '-')");
        }
    }

    private static String gitignore() {
        StringBuilder sb = new StringBuilder("# Local working files of the beads store (issues.jsonl is the shared truth)\n");
        for (String name : BeadsDir.localFileNames()) {
            sb.append(name).append('\n');
        }
        return sb.toString();
    }

    private static String configTemplate() {
        return """
                # Beads store configuration. Tracked in git with issues.jsonl.
                #
                # issue-prefix: the part before the dash in new ids ("gt" gives gt-a1b2c).
                # status.custom: extra statuses, comma separated; they never block other issues.
                # external_projects: project name -> path of its repository, relative to this one, for
                #   dependencies of the form external:<project>:<capability>.
                # sync-branch: the branch bd sync commits to (default: the current branch).
                # compaction.inline-max-bytes: while issues.jsonl is at most this big (default 262144), every
                #   change rewrites it at once; bigger stores journal changes and fold them in when the journal
                #   holds compaction.journal-max-changes changes (default: scaled to the store, 32 to 1024) or
                #   compaction.journal-max-bytes (524288).
                """;
    }
}
