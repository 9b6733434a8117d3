package dev.gastown.beads.model;

import java.util.List;
import java.util.Objects;

/**
 * One outgoing edge: {@code issueId} depends on {@code dependsOnId}. For {@code parent-child} the child is
 * {@code issueId}. {@code metadata} is a JSON document stored as a string, as the original does.
 */
public record Dependency(
        String issueId,
        String dependsOnId,
        DependencyType type,
        Timestamp createdAt,
        String createdBy,
        String metadata,
        String threadId,
        List<UnknownField> unknown) {

    public static final List<String> KEYS =
            List.of("issue_id", "depends_on_id", "type", "created_at", "created_by", "metadata", "thread_id");

    public Dependency {
        Objects.requireNonNull(issueId, "issueId");
        Objects.requireNonNull(dependsOnId, "dependsOnId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        createdBy = createdBy == null ? "" : createdBy;
        metadata = metadata == null ? "" : metadata;
        threadId = threadId == null ? "" : threadId;
        unknown = List.copyOf(unknown);
    }

    public static Dependency of(String issueId, String dependsOnId, DependencyType type, Timestamp createdAt,
            String createdBy) {
        return new Dependency(issueId, dependsOnId, type, createdAt, createdBy, "", "", List.of());
    }

    public Dependency withIssueId(String newIssueId) {
        return new Dependency(newIssueId, dependsOnId, type, createdAt, createdBy, metadata, threadId, unknown);
    }

    public Dependency withDependsOnId(String target) {
        return new Dependency(issueId, target, type, createdAt, createdBy, metadata, threadId, unknown);
    }

    /** A target of the form {@code external:<project>:<capability>}. */
    public boolean isExternal() {
        return dependsOnId.startsWith("external:");
    }
}
