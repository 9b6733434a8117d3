package dev.gastown.core.mail;

import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.BeadsContext;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.store.StoreView;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way mail is written and read. Every view of a mailbox (the inbox, the unread count, {@code check},
 * {@code peek}) is {@link #inbox}: one scan of the town store's index, parsing only the matching messages, so the
 * views cannot disagree with each other or with the store. A send returns only after every copy is committed and
 * read back.
 */
public final class Mailboxes {
    private final Ledger ledger;
    private final MailNotifier notifier;

    /** Mailboxes that tell recipients through the ledger's notifier. */
    public Mailboxes(Ledger ledger) {
        this(ledger, ledger.mailNotifier());
    }

    /** @param notifier told about each message delivered to someone other than its sender */
    public Mailboxes(Ledger ledger, MailNotifier notifier) {
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** Sends one message (the recipient must already be resolved against the town's directory). */
    public Message send(Outgoing m) {
        return sendAll(List.of(m)).get(0);
    }

    /**
     * Sends messages together, in one transaction: all are stored or none is. They form one thread: a copy that
     * answers a message keeps that message's thread; the others join the thread of the first of them.
     */
    public List<Message> sendAll(List<Outgoing> copies) {
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("no message to send");
        }
        BeadsContext hq = ledger.hq();
        List<String> ids = ledger.write(hq, tx -> {
            List<String> stored = new ArrayList<>();
            String shared = "";
            for (Outgoing m : copies) {
                List<String> labels = new ArrayList<>();
                labels.add("from:" + m.from());
                labels.add("msg-type:" + m.kind().key());
                String thread = shared;
                if (!m.replyTo().isEmpty()) {
                    Message original = message(tx.find(m.replyTo())).orElseThrow(() -> noMessage(m.replyTo()));
                    thread = original.thread();
                    labels.add("reply-to:" + original.id());
                }
                if (!thread.isEmpty()) {
                    labels.add("thread:" + thread);
                }
                m.cc().forEach(c -> labels.add("cc:" + c));
                String id = IssueFactory.create(tx, hq, new NewIssue(m.subject()).description(m.body())
                        .type(IssueType.MESSAGE).priority(m.priority()).assignee(m.to().toString()).labels(labels)
                        .sender(m.from().toString()).ephemeral(!m.permanent())).id();
                if (m.replyTo().isEmpty() && shared.isEmpty()) {
                    shared = id;
                }
                stored.add(id);
            }
            return stored;
        });
        List<Message> sent = ledger.read(hq, v -> {
            List<Message> found = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Address to = copies.get(i).to();
                found.add(message(v.find(id)).filter(x -> x.to().equals(to.toString()))
                        .orElseThrow(() -> new GtException("message " + id + " to " + to + " was not stored")));
            }
            return found;
        });
        EventLog events = new EventLog(ledger.town());
        for (Message m : sent) {
            events.append("mail", m.from(), new JsonObject().put("id", m.id()).put("to", m.to())
                    .put("subject", m.subject()));
        }
        sent.stream().filter(m -> !m.to().equals(m.from())).forEach(notifier::delivered);
        return sent;
    }

    /**
     * Answers message {@code id}: to its sender (who must still exist), in its thread. The subject defaults to
     * "Re: " and the original's; the answer is kept as long as the original (a wisp answers a wisp).
     */
    public Message reply(Address from, String id, String subject, String body) {
        Message original = get(id);
        Address to = new Directory(ledger.town()).resolve(original.from());
        String s = subject != null && !subject.isBlank() ? subject
                : original.subject().startsWith("Re: ") ? original.subject() : "Re: " + original.subject();
        return send(new Outgoing(from, to, s, body, Outgoing.NORMAL, MessageKind.REPLY, original.id(), List.of(),
                !original.ephemeral()));
    }

    /**
     * The messages addressed to {@code who}, newest first: the unread ones, or all of them with {@code includeRead}.
     * Every mailbox view reads through here.
     */
    public List<Message> inbox(Address who, boolean includeRead) {
        String me = who.toString();
        return ledger.read(ledger.hq(), v -> {
            List<Hit> hits = new ArrayList<>();
            Consumer<IssueRow> collect = row -> {
                if (row.type().equals(IssueType.MESSAGE) && me.equals(row.assignee())
                        && !row.status().equals(Status.TOMBSTONE)) {
                    hits.add(new Hit(row.id(), row.createdMicros()));
                }
            };
            if (includeRead) {
                v.forEachIssue(collect);
            } else {
                v.forEachActive(collect);
            }
            hits.sort(Collections.reverseOrder());
            return load(v, hits);
        });
    }

    /**
     * Every message of a thread, oldest first. {@code id} is a message (its thread is shown) or a thread id.
     */
    public List<Message> thread(String id) {
        return ledger.read(ledger.hq(), v -> {
            String thread = message(v.find(id)).map(Message::thread).orElse(id);
            String label = "thread:" + thread;
            List<Hit> hits = new ArrayList<>();
            v.forEachIssue(row -> {
                if (row.type().equals(IssueType.MESSAGE) && !row.status().equals(Status.TOMBSTONE)
                        && (row.id().equals(thread) || row.labels().contains(label))) {
                    hits.add(new Hit(row.id(), row.createdMicros()));
                }
            });
            if (hits.isEmpty()) {
                throw new GtException("no message or thread \"" + id + "\" in " + ledger.town().beads().path());
            }
            hits.sort(null);
            return load(v, hits);
        });
    }

    public Message get(String id) {
        return ledger.read(ledger.hq(), v -> message(v.find(id))).orElseThrow(() -> noMessage(id));
    }

    /** Marks a message read (closes it). Acknowledging twice is harmless. */
    public Message ack(String id) {
        return ack(List.of(id)).get(0);
    }

    /**
     * Marks messages read, in one transaction: an id that is not a message fails the call and acknowledges none.
     * Returns them (each once) as they are now.
     */
    public List<Message> ack(List<String> ids) {
        BeadsContext hq = ledger.hq();
        return ledger.write(hq, tx -> {
            List<Message> done = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                Issue i = tx.find(id).filter(Mailboxes::isMessage).orElseThrow(() -> noMessage(id));
                if (!i.status().equals(Status.CLOSED)) {
                    i = Closing.close(tx, hq, id, "read", true);
                }
                done.add(Message.of(i));
            }
            return done;
        });
    }

    private static List<Message> load(StoreView v, List<Hit> hits) {
        List<Message> out = new ArrayList<>(hits.size());
        for (Hit h : hits) {
            message(v.find(h.id())).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Message> message(Optional<Issue> issue) {
        return issue.filter(Mailboxes::isMessage).map(Message::of);
    }

    private static boolean isMessage(Issue i) {
        return i.issueType().equals(IssueType.MESSAGE) && !i.status().equals(Status.TOMBSTONE);
    }

    private GtException noMessage(String id) {
        return new GtException("no message \"" + id + "\" in " + ledger.town().beads().path());
    }

    /** A message found by a scan: enough to sort before parsing it. Ordered oldest first, then by id. */
    private record Hit(String id, long createdMicros) implements Comparable<Hit> {
        @Override
        public int compareTo(Hit o) {
            int c = Long.compare(createdMicros, o.createdMicros);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }
}
