package dev.gastown.beads.ops;

import dev.gastown.beads.id.HashIds;
import dev.gastown.beads.id.IssueIds;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Creates issues: validates the request, mints the id, and writes the issue with its first edges. */
public final class IssueFactory {
    private IssueFactory() {
    }

    public static Issue create(StoreTransaction tx, BeadsContext ctx, NewIssue spec) {
        String title = Validation.title(spec.title);
        Timestamp now = Timestamp.now();
        String id = chooseId(tx, ctx, spec, title, now);
        List<Dependency> deps = new ArrayList<>();
        if (spec.parent != null && !spec.parent.isEmpty()) {
            if (!tx.contains(spec.parent)) {
                throw new InvalidInputException("parent issue not found: " + spec.parent);
            }
            deps.add(Dependency.of(id, spec.parent, DependencyType.PARENT_CHILD, now, ctx.actor()));
        }
        for (NewIssue.Link link : spec.links) {
            if (link.target().equals(id)) {
                throw new InvalidInputException("an issue cannot depend on itself");
            }
            if (!spec.force && !link.target().startsWith("external:") && !tx.contains(link.target())) {
                throw new InvalidInputException("dependency target not found: " + link.target());
            }
            if (deps.stream().anyMatch(d -> d.dependsOnId().equals(link.target()))) {
                throw new InvalidInputException("duplicate dependency on " + link.target());
            }
            deps.add(new Dependency(id, link.target(), link.type(), now, ctx.actor(), link.metadata(), "",
                    List.of()));
        }
        Status status = spec.status;
        Issue issue = Issue.builder()
                .id(id)
                .title(title)
                .description(spec.description)
                .design(spec.design)
                .acceptanceCriteria(spec.acceptance)
                .notes(spec.notes)
                .status(status)
                .priority(Priorities.check(spec.priority))
                .issueType(spec.type)
                .assignee(spec.assignee)
                .estimatedMinutes(spec.estimate)
                .createdAt(now)
                .createdBy(ctx.actor())
                .updatedAt(now)
                .closedAt(status.equals(Status.CLOSED) ? now : null)
                .dueAt(spec.due)
                .deferUntil(spec.defer)
                .externalRef(spec.externalRef)
                .labels(List.copyOf(new TreeSet<>(spec.labels)))
                .dependencies(deps)
                .sender(spec.sender)
                .ephemeral(spec.ephemeral)
                .pinned(spec.pinned)
                .isTemplate(spec.template)
                .awaitType(spec.awaitType)
                .awaitId(spec.awaitId)
                .timeout(spec.timeoutNanos)
                .sourceFormula(spec.sourceFormula)
                .sourceLocation(spec.sourceLocation)
                .roleType(spec.roleType)
                .rig(spec.rig)
                .molType(spec.molType)
                .eventKind(spec.eventKind)
                .actor(spec.eventActor)
                .target(spec.eventTarget)
                .payload(spec.eventPayload)
                .build();
        tx.put(Validation.check(issue));
        return issue;
    }

    private static String chooseId(StoreTransaction tx, BeadsContext ctx, NewIssue spec, String title,
            Timestamp now) {
        if (spec.explicitId != null && !spec.explicitId.isEmpty()) {
            String id = spec.explicitId.trim();
            if (!IssueIds.isValid(id)) {
                throw new InvalidInputException("invalid issue id \"" + spec.explicitId + "\"");
            }
            if (!spec.force && !ctx.prefix().isEmpty() && !id.startsWith(ctx.prefix() + "-")) {
                throw new InvalidInputException("id " + id + " does not start with this store's prefix \""
                        + ctx.prefix() + "-\" (use --force to allow it)");
            }
            if (tx.contains(id)) {
                throw new InvalidInputException("issue " + id + " already exists");
            }
            return id;
        }
        if (spec.parent != null && !spec.parent.isEmpty()) {
            return nextChildId(tx, spec.parent);
        }
        String prefix = ctx.requirePrefix() + (spec.idKind.isEmpty() ? "" : "-" + spec.idKind);
        return HashIds.mint(prefix, title, spec.description, ctx.actor(), now.epochNanos(), tx.topLevelCount(prefix),
                tx::contains);
    }

    /** {@code parent.N} with N one more than the highest child number in use. */
    public static String nextChildId(StoreTransaction tx, String parent) {
        if (!tx.contains(parent)) {
            throw new InvalidInputException("parent issue not found: " + parent);
        }
        if (IssueIds.depth(parent) >= IssueIds.MAX_CHILD_DEPTH) {
            throw new InvalidInputException("cannot create a child of " + parent + ": child ids go at most "
                    + IssueIds.MAX_CHILD_DEPTH + " levels deep");
        }
        int max = 0;
        String childPrefix = parent + ".";
        for (String id : tx.idsWithPrefix(childPrefix)) {
            String rest = id.substring(childPrefix.length());
            int dot = rest.indexOf('.');
            String head = dot < 0 ? rest : rest.substring(0, dot);
            if (!head.isEmpty() && head.chars().allMatch(Character::isDigit) && head.length() < 10) {
                max = Math.max(max, Integer.parseInt(head));
            }
        }
        return childPrefix + (max + 1);
    }
}
