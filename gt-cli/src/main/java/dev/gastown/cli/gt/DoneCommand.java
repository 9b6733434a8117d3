package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.mq.Done;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "done", description = "Finish as a polecat: with COMPLETED (the default), push your branch, check"
        + " origin has it, and queue it for merging (reusing the open merge request of the same branch); then clear"
        + " your hook and tell the Witness (POLECAT_DONE). Refuses a dirty tree or a branch with no new commits.")
final class DoneCommand extends GtCommand {
    @Option(names = "--issue", paramLabel = "ID", description = "The issue the branch implements (default: the one on"
            + " your hook, or the one its open merge request names).")
    String issue;

    @Option(names = "--status", paramLabel = "EXIT", defaultValue = "COMPLETED", description = "COMPLETED, ESCALATED"
            + " (you are stuck: no merge request, your hook stays) or DEFERRED (the issue goes back to open).")
    Done.Exit exit;

    @Override
    int execute() {
        Done.Report r = new Done(ledger()).run(me(), exit, Optional.ofNullable(issue));
        if (json()) {
            out().json(r.toJson());
            return ExitCodes.OK;
        }
        if (r.submitted().isPresent()) {
            var s = r.submitted().get();
            out().line((s.reused() ? "Re-submitted " : "Submitted ") + s.branch() + " at " + s.sha() + " for "
                    + s.issue() + ": merge request " + s.mr().id() + " into " + s.target());
            s.closedTask().ifPresent(t -> out().line("Closed resolve task " + t));
            if (!s.mr().blockedBy().isEmpty()) {
                out().line("Still waiting on " + String.join(", ", s.mr().blockedBy())
                        + ": close it once the conflict is resolved");
            }
        } else {
            out().line("Reported " + r.exit() + " for " + r.issue().orElse("no issue") + " (branch " + r.branch()
                    + ")");
        }
        out().line("Told " + r.notice().to() + " (POLECAT_DONE " + r.agent().polecat() + ")");
        return ExitCodes.OK;
    }
}
