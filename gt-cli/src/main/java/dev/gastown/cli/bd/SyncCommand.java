package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.sync.BeadsSync;
import dev.gastown.beads.sync.SyncReport;
import dev.gastown.beads.sync.SyncStatus;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", description = "Fold the journal in, commit .beads/, merge the remote's beads (field by "
        + "field), and push; the push is checked against the remote.")
final class SyncCommand extends BdCommand {
    @Option(names = "--no-push", description = "Commit and pull, but do not push.")
    boolean noPush;

    @Option(names = "--no-pull", description = "Commit and push without pulling first.")
    boolean noPull;

    @Option(names = "--status", description = "Show where the branch stands; change nothing.")
    boolean status;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Message of the beads commit.")
    String message;

    @Option(names = "--dry-run", description = "Fold the journal in but commit, pull and push nothing.")
    boolean dryRun;

    @Override
    int execute() {
        BeadsSync sync = new BeadsSync(store());
        if (status) {
            SyncStatus s = sync.status();
            if (json()) {
                out().json(new JsonObject().put("branch", s.branch()).put("remote", s.remote())
                        .put("ahead", s.ahead()).put("behind", s.behind()).put("journal_changes", s.journalChanges())
                        .put("beads_uncommitted", s.beadsUncommitted()));
            } else {
                out().line("Branch " + s.branch() + (s.remote().isEmpty() ? " (no remote)"
                        : " vs " + s.remote() + ": " + s.ahead() + " ahead, " + s.behind() + " behind"));
                out().line("Uncommitted bead changes: " + (s.beadsUncommitted() ? "yes" : "no")
                        + "; journal changes not yet in issues.jsonl: " + s.journalChanges());
            }
            return 0;
        }
        SyncReport r = sync.sync(new BeadsSync.Options(!noPull, !noPush, message, dryRun));
        if (json()) {
            JsonArray conflicts = new JsonArray();
            r.conflicts().forEach(c -> conflicts.add(c.describe()));
            out().json(new JsonObject().put("branch", r.branch()).put("remote", r.remote() == null ? "" : r.remote())
                    .put("commit", r.commit() == null ? "" : r.commit())
                    .put("pull", r.pull().name().toLowerCase(Locale.ROOT)).put("pushed", r.pushed())
                    .put("head", r.head()).put("conflicts", conflicts).put("notes", BdJson.strings(r.notes())));
            return 0;
        }
        out().line(r.commit() == null ? "No bead changes to commit." : "✓ Committed bead changes: " + r.commit());
        out().line("Pull: " + r.pull().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        r.conflicts().forEach(c -> out().line("  resolved by rule: " + c.describe()));
        r.notes().forEach(n -> out().line("  " + n));
        if (r.pushed()) {
            out().line("✓ Pushed " + r.branch() + " to " + r.remote() + " (remote verified at " + r.head() + ")");
        }
        return 0;
    }
}
