package dev.gastown.beads.merge;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.model.Timestamp;
import dev.gastown.beads.store.IdOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * An array field of an issue that merges element by element, each element known by a key. When the merged elements
 * are exactly one side's, that side's order is kept (so an unchanged list keeps its bytes); otherwise they are
 * sorted, so that the output never depends on which side listed what first.
 */
enum ListField {
    /** A set: removals win, additions are unioned. Sorted byte-wise, as the original's SQL returns them. */
    LABELS("labels", true, JsonValue::asString,
            Comparator.comparing(JsonValue::asString, IdOrder.COMPARATOR)),
    /** A set keyed on (issue_id, depends_on_id, type): removals win, additions are unioned. */
    DEPENDENCIES("dependencies", true, ListField::dependencyKey,
            Comparator.comparingLong((JsonValue d) -> createdAt(d))
                    .thenComparing(d -> d.asObject().string("depends_on_id"), IdOrder.COMPARATOR)
                    .thenComparing(d -> d.asObject().string("type"), IdOrder.COMPARATOR)),
    /** Append-only in practice: the union by comment id, whatever either side dropped. */
    COMMENTS("comments", false, c -> c.asObject().get("id").toJson(),
            Comparator.comparingLong((JsonValue c) -> createdAt(c))
                    .thenComparing((JsonValue c) -> c.asObject().get("id"), ListField::compareCommentIds));

    final String key;
    private final boolean removalsWin;
    private final Function<JsonValue, String> elementKey;
    private final Comparator<JsonValue> order;

    ListField(String key, boolean removalsWin, Function<JsonValue, String> elementKey, Comparator<JsonValue> order) {
        this.key = key;
        this.removalsWin = removalsWin;
        this.elementKey = elementKey;
        this.order = order;
    }

    /**
     * Merges the three arrays ({@code null} when absent) and returns the merged array, or {@code null} when it is
     * empty. An element both sides changed differently keeps the left version and is passed to {@code onClash}.
     */
    JsonValue merge(Versions lists, BiConsumer<JsonValue, JsonValue> onClash) {
        Map<String, JsonValue> base = index(lists.base());
        Map<String, JsonValue> left = index(lists.left());
        Map<String, JsonValue> right = index(lists.right());
        Map<String, JsonValue> merged = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(left.keySet());
        right.keySet().stream().filter(k -> !left.containsKey(k)).forEach(keys::add);
        for (String k : keys) {
            boolean onBothSides = left.containsKey(k) && right.containsKey(k);
            if (!onBothSides && removalsWin && base.containsKey(k)) {
                continue; // one side removed it
            }
            Versions element = new Versions(base.get(k), left.get(k), right.get(k));
            if (!onBothSides) {
                merged.put(k, element.left() != null ? element.left() : element.right());
            } else if (element.conflicting()) {
                onClash.accept(element.left(), element.right());
                merged.put(k, element.left());
            } else {
                merged.put(k, element.agreed());
            }
        }
        if (merged.isEmpty()) {
            return null;
        }
        List<JsonValue> items;
        if (merged.keySet().equals(left.keySet())) {
            items = new ArrayList<>(merged.values()); // already in left's order
        } else if (merged.keySet().equals(right.keySet())) {
            items = right.keySet().stream().map(merged::get).toList();
        } else {
            items = merged.values().stream().sorted(order).toList();
        }
        return new JsonArray(items);
    }

    private Map<String, JsonValue> index(JsonValue array) {
        Map<String, JsonValue> byKey = new LinkedHashMap<>();
        if (array != null) {
            for (JsonValue element : array.asArray()) {
                byKey.putIfAbsent(elementKey.apply(element), element);
            }
        }
        return byKey;
    }

    private static String dependencyKey(JsonValue dependency) {
        JsonObject d = dependency.asObject();
        return d.string("issue_id") + '\0' + d.string("depends_on_id") + '\0' + d.string("type");
    }

    private static long createdAt(JsonValue record) {
        return new Timestamp(record.asObject().string("created_at")).epochNanos();
    }

    /** Numeric ids (the launch-era format) by value, string ids (v1.0 on) byte-wise. */
    private static int compareCommentIds(JsonValue a, JsonValue b) {
        if (a instanceof JsonNumber x && b instanceof JsonNumber y) {
            return new BigDecimal(x.text()).compareTo(new BigDecimal(y.text()));
        }
        return IdOrder.compare(a.toJson(), b.toJson());
    }
}
