package dev.gastown.beads.model;

import java.util.List;
import java.util.Objects;

/**
 * An issue (a bead): every field of the original's launch-era schema, in the JSON key order the original writes
 * ({@link #KEYS}), plus the keys this version does not know. Immutable; change it through {@link #toBuilder()}.
 *
 * <p>Strings that Go omits when empty are never null here ({@code ""} means absent). The two pointer strings,
 * {@code externalRef} and {@code compactedAtCommit}, are null when absent because an empty value is written.
 * Optional timestamps are null when absent; {@code estimatedMinutes} is null when absent.
 */
public record Issue(
        String id,
        String title,
        String description,
        String design,
        String acceptanceCriteria,
        String notes,
        Status status,
        int priority,
        IssueType issueType,
        String assignee,
        Integer estimatedMinutes,
        Timestamp createdAt,
        String createdBy,
        Timestamp updatedAt,
        Timestamp closedAt,
        String closeReason,
        String closedBySession,
        Timestamp dueAt,
        Timestamp deferUntil,
        String externalRef,
        int compactionLevel,
        Timestamp compactedAt,
        String compactedAtCommit,
        int originalSize,
        List<String> labels,
        List<Dependency> dependencies,
        List<Comment> comments,
        Timestamp deletedAt,
        String deletedBy,
        String deleteReason,
        String originalType,
        String sender,
        boolean ephemeral,
        boolean pinned,
        boolean isTemplate,
        List<BondRef> bondedFrom,
        EntityRef creator,
        List<Validation> validations,
        String awaitType,
        String awaitId,
        long timeout,
        List<String> waiters,
        String holder,
        String sourceFormula,
        String sourceLocation,
        String hookBead,
        String roleBead,
        String agentState,
        Timestamp lastActivity,
        String roleType,
        String rig,
        String molType,
        String eventKind,
        String actor,
        String target,
        String payload,
        List<UnknownField> unknown) {

    /** The JSON keys of the known fields, in the order they are written. */
    public static final List<String> KEYS = List.of(
            "id", "title", "description", "design", "acceptance_criteria", "notes",
            "status", "priority", "issue_type", "assignee", "estimated_minutes", "created_at",
            "created_by", "updated_at", "closed_at", "close_reason", "closed_by_session", "due_at",
            "defer_until", "external_ref", "compaction_level", "compacted_at", "compacted_at_commit", "original_size",
            "labels", "dependencies", "comments", "deleted_at", "deleted_by", "delete_reason",
            "original_type", "sender", "ephemeral", "pinned", "is_template", "bonded_from",
            "creator", "validations", "await_type", "await_id", "timeout", "waiters",
            "holder", "source_formula", "source_location", "hook_bead", "role_bead", "agent_state",
            "last_activity", "role_type", "rig", "mol_type", "event_kind", "actor",
            "target", "payload");

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issueType, "issueType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        description = description == null ? "" : description;
        design = design == null ? "" : design;
        acceptanceCriteria = acceptanceCriteria == null ? "" : acceptanceCriteria;
        notes = notes == null ? "" : notes;
        assignee = assignee == null ? "" : assignee;
        createdBy = createdBy == null ? "" : createdBy;
        closeReason = closeReason == null ? "" : closeReason;
        closedBySession = closedBySession == null ? "" : closedBySession;
        labels = labels == null ? List.of() : List.copyOf(labels);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        comments = comments == null ? List.of() : List.copyOf(comments);
        deletedBy = deletedBy == null ? "" : deletedBy;
        deleteReason = deleteReason == null ? "" : deleteReason;
        originalType = originalType == null ? "" : originalType;
        sender = sender == null ? "" : sender;
        bondedFrom = bondedFrom == null ? List.of() : List.copyOf(bondedFrom);
        validations = validations == null ? List.of() : List.copyOf(validations);
        awaitType = awaitType == null ? "" : awaitType;
        awaitId = awaitId == null ? "" : awaitId;
        waiters = waiters == null ? List.of() : List.copyOf(waiters);
        holder = holder == null ? "" : holder;
        sourceFormula = sourceFormula == null ? "" : sourceFormula;
        sourceLocation = sourceLocation == null ? "" : sourceLocation;
        hookBead = hookBead == null ? "" : hookBead;
        roleBead = roleBead == null ? "" : roleBead;
        agentState = agentState == null ? "" : agentState;
        roleType = roleType == null ? "" : roleType;
        rig = rig == null ? "" : rig;
        molType = molType == null ? "" : molType;
        eventKind = eventKind == null ? "" : eventKind;
        actor = actor == null ? "" : actor;
        target = target == null ? "" : target;
        payload = payload == null ? "" : payload;
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id)
                .title(title)
                .description(description)
                .design(design)
                .acceptanceCriteria(acceptanceCriteria)
                .notes(notes)
                .status(status)
                .priority(priority)
                .issueType(issueType)
                .assignee(assignee)
                .estimatedMinutes(estimatedMinutes)
                .createdAt(createdAt)
                .createdBy(createdBy)
                .updatedAt(updatedAt)
                .closedAt(closedAt)
                .closeReason(closeReason)
                .closedBySession(closedBySession)
                .dueAt(dueAt)
                .deferUntil(deferUntil)
                .externalRef(externalRef)
                .compactionLevel(compactionLevel)
                .compactedAt(compactedAt)
                .compactedAtCommit(compactedAtCommit)
                .originalSize(originalSize)
                .labels(labels)
                .dependencies(dependencies)
                .comments(comments)
                .deletedAt(deletedAt)
                .deletedBy(deletedBy)
                .deleteReason(deleteReason)
                .originalType(originalType)
                .sender(sender)
                .ephemeral(ephemeral)
                .pinned(pinned)
                .isTemplate(isTemplate)
                .bondedFrom(bondedFrom)
                .creator(creator)
                .validations(validations)
                .awaitType(awaitType)
                .awaitId(awaitId)
                .timeout(timeout)
                .waiters(waiters)
                .holder(holder)
                .sourceFormula(sourceFormula)
                .sourceLocation(sourceLocation)
                .hookBead(hookBead)
                .roleBead(roleBead)
                .agentState(agentState)
                .lastActivity(lastActivity)
                .roleType(roleType)
                .rig(rig)
                .molType(molType)
                .eventKind(eventKind)
                .actor(actor)
                .target(target)
                .payload(payload)
                .unknown(unknown);
    }

    /** A wisp: stored with the issues but never exported to {@code issues.jsonl}. */
    public boolean isWisp() {
        return ephemeral;
    }

    /** The edges of this issue of one type. */
    public List<Dependency> dependenciesOfType(DependencyType type) {
        return dependencies.stream().filter(d -> d.type().equals(type)).toList();
    }

    /** Mutable builder; {@link #build()} checks the same invariants as the constructor. */
    public static final class Builder {
        private String id = "";
        private String title = "";
        private String description = "";
        private String design = "";
        private String acceptanceCriteria = "";
        private String notes = "";
        private Status status = Status.OPEN;
        private int priority;
        private IssueType issueType = IssueType.TASK;
        private String assignee = "";
        private Integer estimatedMinutes;
        private Timestamp createdAt = Timestamp.ZERO;
        private String createdBy = "";
        private Timestamp updatedAt = Timestamp.ZERO;
        private Timestamp closedAt;
        private String closeReason = "";
        private String closedBySession = "";
        private Timestamp dueAt;
        private Timestamp deferUntil;
        private String externalRef;
        private int compactionLevel;
        private Timestamp compactedAt;
        private String compactedAtCommit;
        private int originalSize;
        private List<String> labels = List.of();
        private List<Dependency> dependencies = List.of();
        private List<Comment> comments = List.of();
        private Timestamp deletedAt;
        private String deletedBy = "";
        private String deleteReason = "";
        private String originalType = "";
        private String sender = "";
        private boolean ephemeral;
        private boolean pinned;
        private boolean isTemplate;
        private List<BondRef> bondedFrom = List.of();
        private EntityRef creator;
        private List<Validation> validations = List.of();
        private String awaitType = "";
        private String awaitId = "";
        private long timeout;
        private List<String> waiters = List.of();
        private String holder = "";
        private String sourceFormula = "";
        private String sourceLocation = "";
        private String hookBead = "";
        private String roleBead = "";
        private String agentState = "";
        private Timestamp lastActivity;
        private String roleType = "";
        private String rig = "";
        private String molType = "";
        private String eventKind = "";
        private String actor = "";
        private String target = "";
        private String payload = "";
        private List<UnknownField> unknown = List.of();

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder design(String value) {
            this.design = value;
            return this;
        }

        public Builder acceptanceCriteria(String value) {
            this.acceptanceCriteria = value;
            return this;
        }

        public Builder notes(String value) {
            this.notes = value;
            return this;
        }

        public Builder status(Status value) {
            this.status = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder issueType(IssueType value) {
            this.issueType = value;
            return this;
        }

        public Builder assignee(String value) {
            this.assignee = value;
            return this;
        }

        public Builder estimatedMinutes(Integer value) {
            this.estimatedMinutes = value;
            return this;
        }

        public Builder createdAt(Timestamp value) {
            this.createdAt = value;
            return this;
        }

        public Builder createdBy(String value) {
            this.createdBy = value;
            return this;
        }

        public Builder updatedAt(Timestamp value) {
            this.updatedAt = value;
            return this;
        }

        public Builder closedAt(Timestamp value) {
            this.closedAt = value;
            return this;
        }

        public Builder closeReason(String value) {
            this.closeReason = value;
            return this;
        }

        public Builder closedBySession(String value) {
            this.closedBySession = value;
            return this;
        }

        public Builder dueAt(Timestamp value) {
            this.dueAt = value;
            return this;
        }

        public Builder deferUntil(Timestamp value) {
            this.deferUntil = value;
            return this;
        }

        public Builder externalRef(String value) {
            this.externalRef = value;
            return this;
        }

        public Builder compactionLevel(int value) {
            this.compactionLevel = value;
            return this;
        }

        public Builder compactedAt(Timestamp value) {
            this.compactedAt = value;
            return this;
        }

        public Builder compactedAtCommit(String value) {
            this.compactedAtCommit = value;
            return this;
        }

        public Builder originalSize(int value) {
            this.originalSize = value;
            return this;
        }

        public Builder labels(List<String> value) {
            this.labels = value;
            return this;
        }

        public Builder dependencies(List<Dependency> value) {
            this.dependencies = value;
            return this;
        }

        public Builder comments(List<Comment> value) {
            this.comments = value;
            return this;
        }

        public Builder deletedAt(Timestamp value) {
            this.deletedAt = value;
            return this;
        }

        public Builder deletedBy(String value) {
            this.deletedBy = value;
            return this;
        }

        public Builder deleteReason(String value) {
            this.deleteReason = value;
            return this;
        }

        public Builder originalType(String value) {
            this.originalType = value;
            return this;
        }

        public Builder sender(String value) {
            this.sender = value;
            return this;
        }

        public Builder ephemeral(boolean value) {
            this.ephemeral = value;
            return this;
        }

        public Builder pinned(boolean value) {
            this.pinned = value;
            return this;
        }

        public Builder isTemplate(boolean value) {
            this.isTemplate = value;
            return this;
        }

        public Builder bondedFrom(List<BondRef> value) {
            this.bondedFrom = value;
            return this;
        }

        public Builder creator(EntityRef value) {
            this.creator = value;
            return this;
        }

        public Builder validations(List<Validation> value) {
            this.validations = value;
            return this;
        }

        public Builder awaitType(String value) {
            this.awaitType = value;
            return this;
        }

        public Builder awaitId(String value) {
            this.awaitId = value;
            return this;
        }

        public Builder timeout(long value) {
            this.timeout = value;
            return this;
        }

        public Builder waiters(List<String> value) {
            this.waiters = value;
            return this;
        }

        public Builder holder(String value) {
            this.holder = value;
            return this;
        }

        public Builder sourceFormula(String value) {
            this.sourceFormula = value;
            return this;
        }

        public Builder sourceLocation(String value) {
            this.sourceLocation = value;
            return this;
        }

        public Builder hookBead(String value) {
            this.hookBead = value;
            return this;
        }

        public Builder roleBead(String value) {
            this.roleBead = value;
            return this;
        }

        public Builder agentState(String value) {
            this.agentState = value;
            return this;
        }

        public Builder lastActivity(Timestamp value) {
            this.lastActivity = value;
            return this;
        }

        public Builder roleType(String value) {
            this.roleType = value;
            return this;
        }

        public Builder rig(String value) {
            this.rig = value;
            return this;
        }

        public Builder molType(String value) {
            this.molType = value;
            return this;
        }

        public Builder eventKind(String value) {
            this.eventKind = value;
            return this;
        }

        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Builder payload(String value) {
            this.payload = value;
            return this;
        }

        public Builder unknown(List<UnknownField> value) {
            this.unknown = value;
            return this;
        }

        public String id() {
            return id;
        }

        public Status status() {
            return status;
        }

        public List<Dependency> dependencies() {
            return dependencies;
        }

        public List<String> labels() {
            return labels;
        }

        public List<Comment> comments() {
            return comments;
        }

        public Issue build() {
            return new Issue(id, title, description, design, acceptanceCriteria, notes, status, priority, issueType, assignee, estimatedMinutes, createdAt, createdBy, updatedAt, closedAt, closeReason, closedBySession, dueAt, deferUntil, externalRef, compactionLevel, compactedAt, compactedAtCommit, originalSize, labels, dependencies, comments, deletedAt, deletedBy, deleteReason, originalType, sender, ephemeral, pinned, isTemplate, bondedFrom, creator, validations, awaitType, awaitId, timeout, waiters, holder, sourceFormula, sourceLocation, hookBead, roleBead, agentState, lastActivity, roleType, rig, molType, eventKind, actor, target, payload, unknown);
        }
    }
}
