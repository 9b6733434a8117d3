package dev.gastown.beads.query;

import dev.gastown.beads.store.StoreView;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/** Every issue below a root through parent-child edges. */
public final class Descendants {
    private Descendants() {
    }

    public static Set<String> of(StoreView view, String root) {
        Set<String> out = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            for (String child : view.children(queue.poll())) {
                if (out.add(child)) {
                    queue.add(child);
                }
            }
        }
        out.remove(root);
        return out;
    }
}
