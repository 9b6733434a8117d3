package dev.gastown.beads.mol;

import java.util.List;
import java.util.Objects;

/**
 * A protomolecule: a cooked formula ready to be poured (persistent molecule) or wisped (ephemeral). Steps and edges
 * refer to one another by {@link TemplateNode#key()}; the root's key is the formula name. Parent-child edges
 * (child to parent) give the tree; {@code blocks} and {@code waits-for} edges give the order.
 *
 * <p>Templates come from {@code gt-core}'s formula cooker with {@code {{var}}} placeholders already substituted and
 * {@code condition}s already applied, unless cooked for {@code bd cook --persist}, which keeps them.
 */
public record Template(String name, TemplateNode root, List<TemplateNode> steps, List<TemplateEdge> edges) {
    public Template {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        steps = List.copyOf(steps);
        edges = List.copyOf(edges);
    }

    /** Number of issues pouring this template creates (root included). */
    public int issueCount() {
        return steps.size() + 1;
    }
}
