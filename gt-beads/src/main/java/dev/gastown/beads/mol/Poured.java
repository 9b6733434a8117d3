package dev.gastown.beads.mol;

import java.util.List;

/**
 * The molecule a pour or wisp created: its root, the new id of every template node ({@code keys.get(i)} became
 * {@code ids.get(i)}; index 0 is the root), and how many issues and edges were written and verified.
 */
public record Poured(String rootId, List<String> keys, List<String> ids, int created, int edges, boolean wisp) {
}
