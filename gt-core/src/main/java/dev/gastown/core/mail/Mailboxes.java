package dev.gastown.core.mail;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.core.GtException;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sending and reading mail. Every inbox view, count and check reads the same query over the town's store, so they
 * cannot disagree; a send returns only after the message is committed and read back.
 */
public final class Mailboxes {
    private final Ledger ledger;

    public Mailboxes(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Sends one message (recipients must already be resolved against the town's directory). */
    public Message send(Outgoing m) {
        BeadsContext hq = ledger.hq();
        List<String> labels = new ArrayList<>();
        labels.add("from:" + m.from());
        labels.add("msg-type:" + m.kind());
        String thread = "";
        if (!m.replyTo().isEmpty()) {
            Message original = get(m.replyTo());
            thread = original.thread();
            labels.add("reply-to:" + original.id());
            labels.add("thread:" + thread);
        }
        m.cc().forEach(c -> labels.add("cc:" + c));
        String id = ledger.write(hq, tx -> IssueFactory.create(tx, hq, new NewIssue(m.subject())
                .description(m.body()).type(IssueType.MESSAGE).priority(m.priority()).assignee(m.to().toString())
                .labels(labels).sender(m.from().toString()).ephemeral(!m.permanent())).id());
        Message sent = ledger.read(hq, v -> v.find(id)).map(Message::of)
                .orElseThrow(() -> new GtException("message " + id + " to " + m.to() + " was not stored"));
        new EventLog(ledger.town()).append("mail", m.from().toString(), new JsonObject().put("id", id)
                .put("to", m.to().toString()).put("subject", m.subject()));
        return sent;
    }

    /** The messages addressed to {@code who}, newest first; only unread ones unless {@code all}. */
    public List<Message> inbox(Address who, boolean all) {
        String me = who.toString();
        BeadsContext hq = ledger.hq();
        List<Message> out = ledger.read(hq, v -> {
            List<String> ids = new ArrayList<>();
            java.util.function.Consumer<dev.gastown.beads.graph.IssueRow> collect = row -> {
                if (row.type().equals(IssueType.MESSAGE) && me.equals(row.assignee())
                        && !row.status().equals(Status.TOMBSTONE)) {
                    ids.add(row.id());
                }
            };
            if (all) {
                v.forEachIssue(collect);
            } else {
                v.forEachActive(collect);
            }
            List<Message> found = new ArrayList<>();
            for (String id : ids) {
                v.find(id).map(Message::of).ifPresent(found::add);
            }
            return found;
        });
        out.sort(Comparator.comparing(Message::createdAt).reversed().thenComparing(Message::id));
        return out;
    }

    public Message get(String id) {
        BeadsContext hq = ledger.hq();
        Issue i = ledger.read(hq, v -> v.find(id)).filter(x -> x.issueType().equals(IssueType.MESSAGE))
                .orElseThrow(() -> new GtException("no message " + id));
        return Message.of(i);
    }

    /** Marks a message read (closes it). Acknowledging twice is harmless. */
    public Message ack(String id) {
        BeadsContext hq = ledger.hq();
        get(id);
        ledger.write(hq, tx -> {
            Issue i = tx.get(id);
            if (!i.status().equals(Status.CLOSED)) {
                Closing.close(tx, hq, id, "read", true);
            }
            return null;
        });
        return get(id);
    }
}
