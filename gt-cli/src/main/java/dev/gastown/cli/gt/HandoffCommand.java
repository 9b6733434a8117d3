package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.runtime.Handoff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "handoff", description = "Continue in a fresh session in this same pane: leave a note (mail to"
        + " self), keep the hook, restart the agent; the successor primes and resumes at the first open step.")
final class HandoffCommand extends GtCommand {
    @Option(names = {"-s", "--subject"}, paramLabel = "TEXT", defaultValue = "")
    String subject;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", defaultValue = "",
            description = "What the next session must know.")
    String message;

    @Option(names = {"-f", "--force"}, description = "Hand off even if no step was closed since the last handoff.")
    boolean force;

    @Override
    int execute() {
        Handoff.Result r = new Handoff(agentSessions(), ledger()).handoff(me(), subject, message, force);
        out().line("Handed off" + r.note().map(n -> " (note " + n.id() + ")").orElse("") + "; the agent restarted"
                + " in pane " + r.pane().id());
        return ExitCodes.OK;
    }
}
