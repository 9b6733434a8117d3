package dev.gastown.cli.bd;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.Comments;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reopen", description = "Reopen closed issues.")
final class ReopenCommand extends BdCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", description = "Recorded as a comment.")
    String reason;

    @Override
    int execute() {
        List<Issue> reopened = store().write(tx -> {
            List<Issue> out = new ArrayList<>();
            for (String typed : ids) {
                String id = resolve(tx, typed);
                Closing.reopen(tx, id);
                if (reason != null && !reason.isBlank()) {
                    Comments.add(tx, context(), id, "Reopened: " + reason, null);
                }
                out.add(tx.get(id));
            }
            return out;
        });
        if (json()) {
            out().json(BdJson.issues(reopened));
        } else {
            reopened.forEach(i -> out().line("✓ Reopened " + i.id() + ": " + i.title()));
        }
        return 0;
    }
}
