package dev.gastown.beads.mol;

/**
 * How to instantiate a template: as a wisp (ephemeral, ids {@code <prefix>-wisp-…}) or a poured molecule
 * ({@code <prefix>-mol-…}); who the root is assigned to (empty: nobody).
 */
public record PourOptions(boolean wisp, String assignee) {
    public PourOptions {
        assignee = assignee == null ? "" : assignee;
    }

    public String idKind() {
        return wisp ? "wisp" : "mol";
    }
}
