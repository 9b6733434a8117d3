package dev.gastown.cli.bd;

import dev.gastown.beads.codec.IssueCodec;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Comment;
import dev.gastown.beads.model.Dependency;
import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.store.Incoming;
import dev.gastown.beads.store.StoreView;
import java.util.Collection;
import java.util.List;

/**
 * The {@code --json} shapes of {@code bd}, as the original prints them: issue objects in JSONL key order, with
 * extra keys appended the way Go's struct embedding places them.
 */
final class BdJson {
    private BdJson() {
    }

    static JsonObject issue(Issue i) {
        return IssueCodec.encode(i);
    }

    static JsonArray issues(Collection<Issue> issues) {
        JsonArray a = new JsonArray();
        issues.forEach(i -> a.add(issue(i)));
        return a;
    }

    /** {@code bd list}: the issue plus how many edges leave it and how many arrive. */
    static JsonObject withCounts(Issue i, int dependents) {
        return issue(i).put("dependency_count", i.dependencies().size()).put("dependent_count", dependents);
    }

    /**
     * {@code bd show}: the issue's own fields, then labels, its dependencies and dependents as full issues with a
     * {@code dependency_type}, its comments, and its parent.
     */
    static JsonObject details(StoreView view, Issue i) {
        JsonObject o = issue(i);
        o.remove("labels");
        o.remove("dependencies");
        o.remove("comments");
        if (!i.labels().isEmpty()) {
            JsonArray labels = new JsonArray();
            i.labels().forEach(labels::add);
            o.put("labels", labels);
        }
        JsonArray deps = new JsonArray();
        for (Dependency d : i.dependencies()) {
            view.find(d.dependsOnId()).ifPresent(t -> deps.add(issue(t).put("dependency_type", d.type().name())));
        }
        if (deps.size() > 0) {
            o.put("dependencies", deps);
        }
        JsonArray dependents = new JsonArray();
        for (Incoming in : view.dependents(i.id())) {
            view.find(in.sourceId()).ifPresent(s -> dependents.add(issue(s).put("dependency_type", in.type().name())));
        }
        if (dependents.size() > 0) {
            o.put("dependents", dependents);
        }
        if (!i.comments().isEmpty()) {
            JsonArray comments = new JsonArray();
            i.comments().forEach(c -> comments.add(IssueCodec.encodeComment(c)));
            o.put("comments", comments);
        }
        parentOf(i).ifPresent(p -> o.put("parent", p));
        return o;
    }

    static java.util.Optional<String> parentOf(Issue i) {
        return i.dependencies().stream().filter(d -> d.type().equals(DependencyType.PARENT_CHILD))
                .map(Dependency::dependsOnId).findFirst();
    }

    static JsonObject comment(Comment c) {
        return IssueCodec.encodeComment(c);
    }

    static JsonArray strings(List<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
