package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.escalation.Escalations;
import dev.gastown.core.escalation.Severity;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "escalate", description = "Raise something people must decide: an [ESCALATION] bead in the town"
        + " store (label escalation, priority from the severity), mail to the overseer and the mayor.")
final class EscalateCommand extends GtCommand {
    @Parameters(paramLabel = "TOPIC", arity = "1..*", description = "What needs attention (words are joined).")
    List<String> topic;

    @Option(names = {"-s", "--severity"}, paramLabel = "LEVEL", defaultValue = "MEDIUM",
            description = "CRITICAL (priority 0), HIGH (1) or MEDIUM (2, the default).")
    String severity;

    @Option(names = {"-m", "--message"}, paramLabel = "BODY", description = "Details.")
    String body;

    @Override
    int execute() {
        Escalations.Escalated e = new Escalations(ledger(), new Mailboxes(ledger()))
                .escalate(me(), String.join(" ", topic), Severity.parse(severity), body);
        if (json()) {
            out().json(e.toJson());
        } else {
            out().line("Escalated " + e.beadId() + " (" + e.severity() + "): " + e.topic());
            for (Message m : e.mailed()) {
                out().line("  mailed " + m.to() + " (" + m.id() + ")");
            }
        }
        return ExitCodes.OK;
    }
}
