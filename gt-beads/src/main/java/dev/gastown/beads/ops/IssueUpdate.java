package dev.gastown.beads.ops;

import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Field changes for {@link Updates#apply}; a null field is left as it is. */
public final class IssueUpdate {
    String title;
    String description;
    String design;
    String acceptance;
    String notes;
    Status status;
    Integer priority;
    IssueType type;
    String assignee;
    final List<String> addLabels = new ArrayList<>();
    final List<String> removeLabels = new ArrayList<>();
    List<String> setLabels;
    /** Empty string removes the parent. */
    String parent;
    boolean claim;
    Timestamp due;
    boolean clearDue;
    Timestamp defer;
    boolean clearDefer;
    Integer estimate;
    String externalRef;
    String awaitId;
    String hookBead;
    String roleBead;
    String agentState;
    String sender;

    public IssueUpdate title(String v) {
        title = v;
        return this;
    }

    public IssueUpdate description(String v) {
        description = v;
        return this;
    }

    public IssueUpdate design(String v) {
        design = v;
        return this;
    }

    public IssueUpdate acceptance(String v) {
        acceptance = v;
        return this;
    }

    public IssueUpdate notes(String v) {
        notes = v;
        return this;
    }

    public IssueUpdate status(Status v) {
        status = v;
        return this;
    }

    public IssueUpdate priority(Integer v) {
        priority = v == null ? null : Priorities.check(v);
        return this;
    }

    public IssueUpdate type(IssueType v) {
        type = v;
        return this;
    }

    public IssueUpdate assignee(String v) {
        assignee = v;
        return this;
    }

    public IssueUpdate addLabel(String v) {
        addLabels.add(v);
        return this;
    }

    public IssueUpdate removeLabel(String v) {
        removeLabels.add(v);
        return this;
    }

    public IssueUpdate setLabels(List<String> v) {
        setLabels = new ArrayList<>(v);
        return this;
    }

    public IssueUpdate parent(String v) {
        parent = v;
        return this;
    }

    /** Take the issue: assignee becomes the actor and status in_progress, unless someone else holds it. */
    public IssueUpdate claim() {
        claim = true;
        return this;
    }

    public IssueUpdate due(Timestamp v) {
        due = v;
        clearDue = v == null;
        return this;
    }

    public IssueUpdate defer(Timestamp v) {
        defer = v;
        clearDefer = v == null;
        return this;
    }

    public IssueUpdate estimate(Integer v) {
        estimate = v;
        return this;
    }

    public IssueUpdate externalRef(String v) {
        externalRef = v;
        return this;
    }

    public IssueUpdate awaitId(String v) {
        awaitId = v;
        return this;
    }

    public IssueUpdate hookBead(String v) {
        hookBead = v;
        return this;
    }

    public IssueUpdate roleBead(String v) {
        roleBead = v;
        return this;
    }

    public IssueUpdate agentState(String v) {
        agentState = v;
        return this;
    }

    public IssueUpdate sender(String v) {
        sender = v;
        return this;
    }
}
