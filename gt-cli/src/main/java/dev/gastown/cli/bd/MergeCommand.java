package dev.gastown.cli.bd;

import dev.gastown.beads.merge.JsonlMerge;
import dev.gastown.beads.merge.MergeConflict;
import dev.gastown.beads.merge.MergeResult;
import dev.gastown.beads.store.Fsync;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = "Three-way merge of issues.jsonl files, field by field: git's merge driver "
        + "(git config merge.beads.driver \"bd merge %%A %%O %%A %%B\"). Exit 0: merged (conflicts resolved by "
        + "rule are listed on stderr); 1: two different issues share an id and both were kept (resolve by hand); "
        + "2: an input could not be read.")
final class MergeCommand extends BdCommand {
    @Parameters(index = "0", paramLabel = "OUTPUT")
    String output;

    @Parameters(index = "1", paramLabel = "BASE")
    String base;

    @Parameters(index = "2", paramLabel = "LEFT")
    String left;

    @Parameters(index = "3", paramLabel = "RIGHT")
    String right;

    @Override
    int execute() {
        MergeResult r;
        try {
            r = JsonlMerge.merge(read(base), read(left), read(right));
        } catch (RuntimeException e) {
            throw new CliException("bd merge: " + e.getMessage(), ExitCodes.USAGE);
        }
        Fsync.writeAtomically(env().cwd().resolve(output), r.merged().getBytes(StandardCharsets.UTF_8));
        for (MergeConflict c : r.conflicts()) {
            env().err().println("bd merge: " + (c.unresolved() ? "unresolved: " : "resolved by rule: ") + c.describe());
        }
        return r.hasUnresolved() ? 1 : 0;
    }

    private String read(String file) {
        Path p = env().cwd().resolve(file);
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new CliException("bd merge: cannot read " + file + ": " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}
