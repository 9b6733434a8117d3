package dev.gastown.cli.bd;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.Closing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Delete issues: tombstones (so the deletion reaches other clones); wisps vanish.")
final class DeleteCommand extends BdCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT")
    String reason;

    @Override
    int execute() {
        List<Issue> deleted = store().write(tx -> {
            List<Issue> out = new ArrayList<>();
            for (String typed : ids) {
                out.add(Closing.delete(tx, context(), resolve(tx, typed), reason));
            }
            return out;
        });
        if (json()) {
            out().json(BdJson.issues(deleted));
        } else {
            deleted.forEach(i -> out().line("✓ Deleted " + i.id() + (i.ephemeral() ? " (wisp)" : "")));
        }
        return 0;
    }
}
