package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import java.util.List;

/**
 * A convoy as {@code gt convoy status} shows it: its bead's id, title and status ({@code open}, or {@code closed}
 * once landed), the address its landing is mailed to ({@code notifyAddress}, empty for none), and what it tracks.
 */
public record Convoy(String id, String title, String status, String notifyAddress, String createdAt, String closedAt,
        List<TrackedIssue> tracked) {

    public Convoy {
        tracked = List.copyOf(tracked);
    }

    public boolean landed() {
        return status.equals("closed");
    }

    /** Tracked issues that are closed (or deleted). */
    public int completed() {
        return (int) tracked.stream().filter(TrackedIssue::done).count();
    }

    public int total() {
        return tracked.size();
    }

    public JsonObject toJson() {
        JsonArray issues = new JsonArray();
        tracked.forEach(t -> issues.add(t.toJson()));
        return new JsonObject().put("id", id).put("title", title).put("status", status).put("notify", notifyAddress)
                .put("created_at", createdAt).put("closed_at", closedAt).put("tracked", issues)
                .put("completed", completed()).put("total", total());
    }
}
