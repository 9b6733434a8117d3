package dev.gastown.core.mail;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * A message: a bead of type {@code message} in the town's store. Subject is the title, body the description, the
 * recipient's address the assignee; sender, thread, reply-to, kind and copies are labels, as in the original.
 * Unread means open (or hooked, for handoff mail on a hook); acknowledged means closed. A message without a
 * {@code thread:} label starts its own thread, named by its id.
 */
public record Message(String id, String from, String to, String subject, String body, int priority,
        MessageKind kind, String thread, String replyTo, List<String> cc, String createdAt, boolean unread,
        boolean ephemeral) {

    static Message of(Issue i) {
        String from = "";
        String thread = "";
        String replyTo = "";
        String kind = "";
        List<String> cc = new ArrayList<>();
        for (String label : i.labels()) {
            int colon = label.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String value = label.substring(colon + 1);
            switch (label.substring(0, colon)) {
                case "from" -> from = value;
                case "thread" -> thread = value;
                case "reply-to" -> replyTo = value;
                case "msg-type" -> kind = value;
                case "cc" -> cc.add(value);
                default -> {
                }
            }
        }
        if (from.isEmpty()) {
            from = i.sender();
        }
        boolean unread = !i.status().equals(Status.CLOSED) && !i.status().equals(Status.TOMBSTONE);
        return new Message(i.id(), from, i.assignee(), i.title(), i.description(), i.priority(),
                MessageKind.ofLabel(kind), thread.isEmpty() ? i.id() : thread, replyTo, List.copyOf(cc),
                i.createdAt().text(), unread, i.ephemeral());
    }

    public JsonObject toJson() {
        JsonArray copies = new JsonArray();
        cc.forEach(copies::add);
        return new JsonObject().put("id", id).put("from", from).put("to", to).put("subject", subject)
                .put("body", body).put("priority", priority).put("type", kind.key()).put("thread_id", thread)
                .put("reply_to", replyTo).put("cc", copies).put("timestamp", createdAt).put("read", !unread)
                .put("wisp", ephemeral);
    }
}
