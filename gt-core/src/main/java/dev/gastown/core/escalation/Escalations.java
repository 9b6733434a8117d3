package dev.gastown.core.escalation;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Fields;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.MessageKind;
import dev.gastown.core.mail.Outgoing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Escalating to people: a task bead {@code [ESCALATION] TOPIC} labelled {@value #LABEL} in the town store (the
 * record the Mayor reviews), mail to the Overseer and the Mayor (never to the one escalating), and an
 * {@code escalation_sent} event.
 */
public final class Escalations {
    public static final String LABEL = "escalation";
    public static final String TITLE_PREFIX = "[ESCALATION] ";

    private final Ledger ledger;
    private final Mailboxes mailboxes;

    public Escalations(Ledger ledger, Mailboxes mailboxes) {
        this.ledger = ledger;
        this.mailboxes = mailboxes;
    }

    /** An escalation raised: its bead and the mail that announced it. */
    public record Escalated(String beadId, String topic, Severity severity, List<Message> mailed) {
        public JsonObject toJson() {
            JsonArray to = new JsonArray();
            mailed.forEach(m -> to.add(m.toJson()));
            return new JsonObject().put("id", beadId).put("topic", topic).put("severity", severity.name())
                    .put("priority", severity.priority()).put("messages", to);
        }
    }

    public Escalated escalate(Address from, String topic, Severity severity, String body) {
        if (topic == null || topic.isBlank()) {
            throw new GtException("an escalation needs a topic");
        }
        String t = topic.strip();
        List<Address> recipients = Stream.of(Address.OVERSEER, Address.MAYOR).filter(a -> !a.equals(from)).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("escalated_by", from.toString());
        fields.put("severity", severity.name());
        String details = body == null ? "" : body.strip();
        String description = Fields.render(fields) + (details.isEmpty() ? "" : "\n\n" + details);
        BeadsContext hq = ledger.hq();
        String id = ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue(TITLE_PREFIX + t)
                .type(IssueType.TASK).priority(severity.priority()).labels(List.of(LABEL))
                .description(description)).id());
        String mailBody = "Escalated by: " + from + "\nSeverity: " + severity.name() + "\nBead: " + id
                + (details.isEmpty() ? "" : "\n\n" + details);
        Outgoing mail = new Outgoing(from, recipients.get(0), TITLE_PREFIX + t, mailBody, severity.priority(),
                MessageKind.TASK, "", List.of(), true);
        List<Message> sent = mailboxes.sendAll(recipients.stream().map(mail::to).toList());
        new EventLog(ledger.town()).append("escalation_sent", from.toString(), new JsonObject().put("id", id)
                .put("topic", t).put("severity", severity.name())
                .put("to", String.join(",", recipients.stream().map(Address::toString).toList())));
        return new Escalated(id, t, severity, sent);
    }
}
