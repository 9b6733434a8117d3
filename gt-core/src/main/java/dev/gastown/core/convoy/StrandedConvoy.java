package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** An open convoy with tracked work that is ready but that no live agent holds. */
public record StrandedConvoy(Convoy convoy, List<Issue> ready) {

    public StrandedConvoy {
        ready = List.copyOf(ready);
    }

    /** Why nobody is working on a ready issue. */
    public enum Reason {
        /** Nobody is assigned. */
        UNASSIGNED,
        /** The assignee is an agent address that no longer exists in the town (a nuked polecat). */
        ASSIGNEE_GONE,
        /** The assignee's agent bead says it is dead. */
        ASSIGNEE_DEAD;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A stranded issue and why. */
    public record Issue(TrackedIssue issue, Reason reason) {
    }

    public JsonObject toJson() {
        JsonArray ids = new JsonArray();
        JsonArray issues = new JsonArray();
        for (Issue i : ready) {
            ids.add(i.issue().id());
            issues.add(i.issue().toJson().put("reason", i.reason().key()));
        }
        return new JsonObject().put("id", convoy.id()).put("title", convoy.title())
                .put("created_at", convoy.createdAt()).put("tracked_count", convoy.total())
                .put("ready_count", ready.size()).put("ready_issues", ids).put("issues", issues);
    }
}
