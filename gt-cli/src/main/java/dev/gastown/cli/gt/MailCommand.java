package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.mail.Mailboxes;
import dev.gastown.core.mail.Message;
import dev.gastown.core.mail.MessageKind;
import dev.gastown.core.mail.Outgoing;
import dev.gastown.core.mail.Recipients;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mail", description = "Mail between agents and the overseer: messages are beads in the town store;"
        + " unread until acknowledged.", subcommands = {MailCommand.Send.class, MailCommand.Inbox.class,
        MailCommand.Read.class, MailCommand.Ack.class, MailCommand.Reply.class, MailCommand.Thread.class,
        MailCommand.Peek.class, MailCommand.Check.class})
final class MailCommand extends GtCommand {
    /** {@code check} and {@code peek} exit with this when there is no unread mail, for scripts. */
    static final int NO_MAIL = 1;

    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "send", description = "Send a message to agents, groups (@town, @witnesses, @refineries, @dogs,"
            + " @overseer, @polecats/RIG, @crew/RIG, @rig/RIG) or lists (list:NAME). Unknown addresses are refused"
            + " before anything is sent. Kept locally (a wisp) unless --permanent.")
    static final class Send extends GtCommand {
        @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "Recipients: addresses, groups, lists.")
        List<String> to = new ArrayList<>();

        @Option(names = {"-s", "--subject"}, required = true, paramLabel = "SUBJECT")
        String subject;

        @Option(names = {"-m", "--message"}, paramLabel = "BODY", description = "The body.")
        String body;

        @Option(names = "--priority", paramLabel = "0-3", description = "0 urgent, 1 high, 2 normal (default),"
                + " 3 low.")
        Integer priority;

        @Option(names = "--urgent", description = "Priority 0.")
        boolean urgent;

        @Option(names = "--type", paramLabel = "TYPE", description = "notification (default), task, reply (default"
                + " with --reply-to) or scavenge.")
        String type;

        @Option(names = "--reply-to", paramLabel = "ID", description = "The message this answers; its thread is"
                + " kept.")
        String replyTo;

        @Option(names = "--cc", paramLabel = "ADDRESS", description = "Copy to an address (repeatable).")
        List<String> cc = new ArrayList<>();

        @Option(names = "--all-polecats", paramLabel = "RIG", description = "Every polecat of RIG (as"
                + " @polecats/RIG).")
        String allPolecats;

        @Option(names = "--permanent", description = "Export the message to git like any bead.")
        boolean permanent;

        @Option(names = "--from", paramLabel = "ADDRESS", description = "Send as this address (overseer only).")
        String from;

        @Override
        int execute() {
            if (urgent && priority != null && priority != Outgoing.URGENT) {
                throw new GtException("--urgent means priority 0; it contradicts --priority " + priority);
            }
            List<String> targets = new ArrayList<>(to);
            if (allPolecats != null) {
                targets.add("@polecats/" + allPolecats);
            }
            boolean answering = replyTo != null && !replyTo.isBlank();
            MessageKind kind = type != null ? MessageKind.parse(type)
                    : answering ? MessageKind.REPLY : MessageKind.NOTIFICATION;
            int p = urgent ? Outgoing.URGENT : priority == null ? Outgoing.NORMAL : priority;
            Recipients recipients = new Recipients(town());
            Address sender = recipients.sender(me(), from);
            Recipients.Resolved r = recipients.resolve(targets, cc, sender);
            Outgoing letter = new Outgoing(sender, r.copies().get(0), subject, body, p, kind,
                    answering ? replyTo : "", r.cc(), permanent);
            List<Message> sent = new Mailboxes(ledger()).sendAll(r.copies().stream().map(letter::to).toList());
            if (json()) {
                out().json(array(sent));
            } else {
                sent.forEach(m -> out().line("Sent " + m.id() + " to " + m.to()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "inbox", description = "List your unread messages, newest first (another agent's with ADDRESS;"
            + " read ones too with --all).")
    static final class Inbox extends GtCommand {
        @Parameters(paramLabel = "ADDRESS", arity = "0..1")
        String address;

        @Option(names = {"-a", "--all"}, description = "Include messages already read.")
        boolean all;

        @Override
        int execute() {
            Address who = address == null ? me() : new Directory(town()).resolve(address);
            List<Message> messages = new Mailboxes(ledger()).inbox(who, all);
            if (json()) {
                out().json(array(messages));
                return ExitCodes.OK;
            }
            long unread = messages.stream().filter(Message::unread).count();
            if (messages.isEmpty()) {
                out().line((all ? "No mail for " : "No unread mail for ") + who + ".");
                return ExitCodes.OK;
            }
            out().line("Inbox of " + who + ": " + unread + " unread" + (all ? ", " + messages.size() + " in all"
                    : ""));
            for (Message m : messages) {
                out().line(String.format("%s %-12s %s  %-24s %s%s", m.unread() ? "●" : "○", m.id(),
                        when(m), m.from(), oneLine(m.subject()), urgency(m)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "read", description = "Show a message. It stays unread until acknowledged (gt mail ack).")
    static final class Read extends GtCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int execute() {
            Message m = new Mailboxes(ledger()).get(id);
            if (json()) {
                out().json(m.toJson());
            } else {
                show(this, m);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "ack", aliases = {"archive", "delete"}, description = "Mark messages read. Acknowledging a"
            + " message twice is harmless; an unknown id acknowledges none.")
    static final class Ack extends GtCommand {
        @Parameters(paramLabel = "ID", arity = "1..*")
        List<String> ids;

        @Override
        int execute() {
            List<Message> done = new Mailboxes(ledger()).ack(ids);
            if (json()) {
                out().json(array(done));
            } else {
                done.forEach(m -> out().line("Acknowledged " + m.id() + ": " + oneLine(m.subject())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "reply", description = "Answer a message: to its sender, in its thread.")
    static final class Reply extends GtCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = {"-m", "--message"}, required = true, paramLabel = "BODY")
        String body;

        @Option(names = {"-s", "--subject"}, paramLabel = "SUBJECT", description = "Default: Re: and the"
                + " original subject.")
        String subject;

        @Override
        int execute() {
            Message m = new Mailboxes(ledger()).reply(me(), id, subject, body);
            if (json()) {
                out().json(m.toJson());
            } else {
                out().line("Sent " + m.id() + " to " + m.to() + " (thread " + m.thread() + ")");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "thread", description = "Every message of a thread, oldest first (ID: a message or a thread).")
    static final class Thread extends GtCommand {
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        int execute() {
            List<Message> messages = new Mailboxes(ledger()).thread(id);
            if (json()) {
                out().json(array(messages));
                return ExitCodes.OK;
            }
            out().line("Thread " + messages.get(0).thread() + ": " + messages.size() + " message"
                    + (messages.size() == 1 ? "" : "s"));
            for (Message m : messages) {
                out().line("");
                out().line(String.format("%s %s  %s → %s%s", m.unread() ? "●" : "○", m.id(), m.from(), m.to(),
                        urgency(m)));
                out().line("  " + when(m) + "  " + oneLine(m.subject()));
                m.body().lines().forEach(l -> out().line("    " + l));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "peek", description = "A preview of your newest unread message. Exits 1 when there is none.")
    static final class Peek extends GtCommand {
        private static final int PREVIEW_LINES = 3;

        @Override
        int execute() {
            List<Message> unread = new Mailboxes(ledger()).inbox(me(), false);
            if (unread.isEmpty()) {
                out().line("No unread mail.");
                return NO_MAIL;
            }
            Message m = unread.get(0);
            if (json()) {
                out().json(m.toJson());
                return ExitCodes.OK;
            }
            out().line(m.id() + " from " + m.from() + ": " + oneLine(m.subject()) + urgency(m));
            List<String> lines = m.body().lines().toList();
            lines.stream().limit(PREVIEW_LINES).forEach(l -> out().line("  " + l));
            if (lines.size() > PREVIEW_LINES) {
                out().line("  …");
            }
            if (unread.size() > 1) {
                out().line("(" + (unread.size() - 1) + " more unread: gt mail inbox)");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = "Is there unread mail? Exits 0 when there is, 1 when there is none"
            + " (with --json, always 0). --inject prints a <system-reminder> for an agent's prompt hook and"
            + " always exits 0.")
    static final class Check extends GtCommand {
        @Option(names = "--inject", description = "Print unread mail as a <system-reminder> block (nothing when"
                + " there is none).")
        boolean inject;

        @Override
        int execute() {
            Address me = me();
            List<Message> unread = new Mailboxes(ledger()).inbox(me, false);
            if (json()) {
                out().json(new JsonObject().put("address", me.toString()).put("unread", unread.size())
                        .put("has_new", !unread.isEmpty()));
                return ExitCodes.OK;
            }
            if (inject) {
                if (!unread.isEmpty()) {
                    out().line("<system-reminder>");
                    out().line("You have " + count(unread.size()) + " (gt mail read ID to read one, gt mail ack"
                            + " ID when done with it):");
                    unread.forEach(m -> out().line("- " + m.id() + " from " + m.from() + ": "
                            + oneLine(m.subject())));
                    out().line("</system-reminder>");
                }
                return ExitCodes.OK;
            }
            if (unread.isEmpty()) {
                out().line("No unread mail for " + me + ".");
                return NO_MAIL;
            }
            out().line(count(unread.size()) + " for " + me + ".");
            return ExitCodes.OK;
        }

        private static String count(int n) {
            return n + " unread message" + (n == 1 ? "" : "s");
        }
    }

    static JsonArray array(List<Message> messages) {
        JsonArray a = new JsonArray();
        messages.forEach(m -> a.add(m.toJson()));
        return a;
    }

    private static void show(GtCommand c, Message m) {
        c.out().line("Subject: " + m.subject());
        c.out().line("From:    " + m.from());
        c.out().line("To:      " + m.to());
        if (!m.cc().isEmpty()) {
            c.out().line("Cc:      " + String.join(", ", m.cc()));
        }
        c.out().line("Date:    " + when(m));
        c.out().line("Id:      " + m.id() + (m.thread().equals(m.id()) ? "" : ", thread " + m.thread())
                + (m.replyTo().isEmpty() ? "" : ", reply to " + m.replyTo()));
        c.out().line("Type:    " + m.kind().key() + ", priority " + m.priority() + ", "
                + (m.unread() ? "unread" : "read") + (m.ephemeral() ? ", wisp" : ""));
        c.out().line("");
        m.body().lines().forEach(c.out()::line);
    }

    /** The creation time to the minute, as {@code YYYY-MM-DD HH:MM} (UTC). */
    private static String when(Message m) {
        String t = m.createdAt();
        return t.length() >= 16 ? t.substring(0, 10) + " " + t.substring(11, 16) : t;
    }

    private static String urgency(Message m) {
        return switch (m.priority()) {
            case 0 -> "  [urgent]";
            case 1 -> "  [high]";
            default -> "";
        };
    }

    /** A subject on one line: a newline inside one would break line-based readers such as the prompt hook. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
