package dev.gastown.beads.ops;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** What {@link IssueFactory#create} is asked to make. Fluent; only the title is required. */
public final class NewIssue {
    /** An edge the new issue starts with: it depends on {@code target}. */
    public record Link(DependencyType type, String target, String metadata) {
    }

    String title;
    String description = "";
    String design = "";
    String acceptance = "";
    String notes = "";
    IssueType type = IssueType.TASK;
    int priority = Priorities.DEFAULT;
    Status status = Status.OPEN;
    String assignee = "";
    List<String> labels = new ArrayList<>();
    String explicitId;
    String parent;
    /** Typed prefix after the store prefix: {@code wisp} gives {@code gt-wisp-xxx}. */
    String idKind = "";
    final List<Link> links = new ArrayList<>();
    boolean ephemeral;
    boolean pinned;
    boolean template;
    String molType = "";
    String roleType = "";
    String rig = "";
    String sender = "";
    String eventKind = "";
    String eventActor = "";
    String eventTarget = "";
    String eventPayload = "";
    String sourceFormula = "";
    String sourceLocation = "";
    String awaitType = "";
    String awaitId = "";
    long timeoutNanos;
    Timestamp due;
    Timestamp defer;
    Integer estimate;
    String externalRef;
    boolean force;

    public NewIssue(String title) {
        this.title = title;
    }

    public NewIssue description(String v) {
        description = v == null ? "" : v;
        return this;
    }

    public NewIssue design(String v) {
        design = v == null ? "" : v;
        return this;
    }

    public NewIssue acceptance(String v) {
        acceptance = v == null ? "" : v;
        return this;
    }

    public NewIssue notes(String v) {
        notes = v == null ? "" : v;
        return this;
    }

    public NewIssue type(IssueType v) {
        type = v;
        return this;
    }

    public NewIssue priority(int v) {
        priority = Priorities.check(v);
        return this;
    }

    public NewIssue status(Status v) {
        status = v;
        return this;
    }

    public NewIssue assignee(String v) {
        assignee = v == null ? "" : v;
        return this;
    }

    public NewIssue labels(List<String> v) {
        labels = new ArrayList<>(v);
        return this;
    }

    public NewIssue id(String v) {
        explicitId = v;
        return this;
    }

    public NewIssue parent(String v) {
        parent = v;
        return this;
    }

    public NewIssue idKind(String v) {
        idKind = v == null ? "" : v;
        return this;
    }

    public NewIssue link(DependencyType t, String target) {
        links.add(new Link(t, target, ""));
        return this;
    }

    public NewIssue link(DependencyType t, String target, String metadata) {
        links.add(new Link(t, target, metadata));
        return this;
    }

    public NewIssue ephemeral(boolean v) {
        ephemeral = v;
        return this;
    }

    public NewIssue pinned(boolean v) {
        pinned = v;
        return this;
    }

    public NewIssue template(boolean v) {
        template = v;
        return this;
    }

    public NewIssue molType(String v) {
        molType = v == null ? "" : v;
        return this;
    }

    public NewIssue roleType(String v) {
        roleType = v == null ? "" : v;
        return this;
    }

    public NewIssue rig(String v) {
        rig = v == null ? "" : v;
        return this;
    }

    public NewIssue sender(String v) {
        sender = v == null ? "" : v;
        return this;
    }

    public NewIssue event(String kind, String actor, String target, String payload) {
        eventKind = kind == null ? "" : kind;
        eventActor = actor == null ? "" : actor;
        eventTarget = target == null ? "" : target;
        eventPayload = payload == null ? "" : payload;
        return this;
    }

    public NewIssue source(String formula, String location) {
        sourceFormula = formula == null ? "" : formula;
        sourceLocation = location == null ? "" : location;
        return this;
    }

    public NewIssue gate(String type, String id, long timeout) {
        awaitType = type == null ? "" : type;
        awaitId = id == null ? "" : id;
        timeoutNanos = timeout;
        return this;
    }

    public NewIssue due(Timestamp v) {
        due = v;
        return this;
    }

    public NewIssue defer(Timestamp v) {
        defer = v;
        return this;
    }

    public NewIssue estimate(Integer minutes) {
        estimate = minutes;
        return this;
    }

    public NewIssue externalRef(String v) {
        externalRef = v;
        return this;
    }

    /** Skip the prefix check on explicit ids and the existence check on dependency targets. */
    public NewIssue force(boolean v) {
        force = v;
        return this;
    }
}
