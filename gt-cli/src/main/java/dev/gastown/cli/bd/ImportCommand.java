package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.Exchange;
import dev.gastown.beads.store.CorruptLineException;
import dev.gastown.cli.CliException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "import", description = "Merge issues from a JSONL file: newer updated_at wins, "
        + "tombstones stay deleted. A file with bad lines changes nothing.")
final class ImportCommand extends BdCommand {
    @Option(names = {"-i", "--input"}, paramLabel = "FILE", required = true)
    String input;

    @Option(names = "--dry-run", description = "Report what would change; write nothing.")
    boolean dryRun;

    @Override
    int execute() {
        Exchange.ImportResult r = Exchange.importFile(store(), env().cwd().resolve(input), dryRun);
        if (!r.problems().isEmpty()) {
            if (json()) {
                JsonArray a = new JsonArray();
                for (CorruptLineException e : r.problems()) {
                    a.add(new JsonObject().put("file", e.file().toString()).put("line", e.line())
                            .put("error", e.getMessage()));
                }
                out().json(new JsonObject().put("imported", false).put("problems", a));
            } else {
                r.problems().forEach(e -> env().err().println(e.getMessage()));
            }
            throw new CliException(r.problems().size() + " bad line(s) in " + input + "; nothing was imported");
        }
        if (json()) {
            out().json(new JsonObject().put("imported", !dryRun).put("created", r.created())
                    .put("updated", r.updated()).put("unchanged", r.unchanged())
                    .put("skipped_tombstoned", r.skippedTombstoned()));
        } else {
            out().line((dryRun ? "Would import: " : "✓ Imported: ") + r.created() + " created, " + r.updated()
                    + " updated, " + r.unchanged() + " unchanged, " + r.skippedTombstoned()
                    + " skipped (deleted here)");
        }
        return 0;
    }
}
