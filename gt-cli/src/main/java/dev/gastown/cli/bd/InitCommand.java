package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.StoreSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", description = "Create a beads store (.beads/) in the current directory.")
final class InitCommand extends BdCommand {
    @Option(names = {"-p", "--prefix"}, paramLabel = "PREFIX",
            description = "Id prefix for new issues (default: from the directory name).")
    String prefix;

    @Option(names = "--force", description = "Rewrite config and .gitignore of an existing store (never issues).")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Override
    int execute() {
        StoreSetup.Result r = StoreSetup.init(env().cwd(), prefix, force);
        if (json()) {
            out().json(new JsonObject().put("path", r.dir().path().toString()).put("prefix", r.prefix())
                    .put("created", r.created())
                    .put("git", new JsonObject().put("repository", r.git().inRepository())
                            .put("merge_driver", r.git().driver()).put("hook", r.git().hook())));
        } else if (!quiet) {
            out().line((r.created() ? "✓ Initialized beads store in " : "✓ Updated beads store config in ")
                    + r.dir().path() + " (prefix: " + r.prefix() + ")");
            if (r.git().inRepository()) {
                out().line("  git: merge driver " + (r.git().driver() ? "registered" : "NOT registered")
                        + "; " + r.git().hook());
            }
        }
        return 0;
    }
}
