package dev.gastown.core.convoy;

import dev.gastown.beads.json.JsonObject;

/**
 * One issue a convoy tracks, as the store that owns it has it now.
 *
 * @param status the issue's status, or {@value #MISSING} when no store has it (deleted, or its rig is gone)
 * @param rig the rig whose store owns it; empty for the town's own beads
 * @param blocked whether the ready-work rules of its store hold it back
 * @param worker the agent whose hook holds it, when one does
 */
public record TrackedIssue(String id, String title, String status, String issueType, String assignee, String rig,
        boolean blocked, String worker) {

    public static final String MISSING = "missing";

    /** Closed, or deleted by a tombstone: what landing counts as finished. */
    public boolean done() {
        return status.equals("closed") || status.equals("tombstone");
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("title", title).put("status", status)
                .put("dependency_type", "tracks").put("issue_type", issueType).put("assignee", assignee)
                .put("rig", rig).put("blocked", blocked).put("worker", worker);
    }
}
