package dev.gastown.core.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text with single-brace {@code {name}} placeholders (loop values and expansion vars), compiled once and rendered many
 * times. Only names the caller knows are placeholders; any other brace text (shell {@code ${X}}, JSON) stays, and so
 * does the pour-time {@code {{name}}} syntax. Text without placeholders renders to the same String instance.
 *
 * <p>Renderings are shared while there are few distinct ones: a million loop steps titled with one of a hundred
 * different "Move disk K: X → Y" texts then hold a hundred strings, not a million.
 */
final class PlaceholderText {
    private static final int MAX_SHARED = 4096;

    private final String constant;
    private final List<String> literals;
    private final int[] slots;
    private final Map<List<Object>, String> shared = new HashMap<>();

    private PlaceholderText(String constant, List<String> literals, int[] slots) {
        this.constant = constant;
        this.literals = literals;
        this.slots = slots;
    }

    /** Compiles {@code text}, binding each known {@code {name}} to its index in {@code slotByName}. */
    static PlaceholderText compile(String text, Map<String, Integer> slotByName) {
        List<String> literals = new ArrayList<>();
        List<Integer> slotList = new ArrayList<>();
        int literalStart = 0;
        int open = text.indexOf('{');
        while (open >= 0) {
            int close = text.indexOf('}', open + 1);
            if (close < 0) {
                break;
            }
            String name = text.substring(open + 1, close);
            Integer slot = slotByName.get(name);
            boolean doubled = open > 0 && text.charAt(open - 1) == '{' && close + 1 < text.length()
                    && text.charAt(close + 1) == '}';
            if (slot != null && !doubled) {
                literals.add(text.substring(literalStart, open));
                slotList.add(slot);
                literalStart = close + 1;
                open = text.indexOf('{', literalStart);
            } else {
                open = text.indexOf('{', open + 1);
            }
        }
        if (slotList.isEmpty()) {
            return new PlaceholderText(text, List.of(), new int[0]);
        }
        literals.add(text.substring(literalStart));
        return new PlaceholderText(null, List.copyOf(literals),
                slotList.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Substitutes {@code values} (given as a name-to-value map) into {@code text} in one go. */
    static String substitute(String text, Map<String, String> values) {
        if (values.isEmpty() || text.indexOf('{') < 0) {
            return text;
        }
        Map<String, Integer> slotByName = new HashMap<>();
        Object[] slotValues = new Object[values.size()];
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            slotByName.put(e.getKey(), i);
            slotValues[i++] = e.getValue();
        }
        return compile(text, slotByName).render(slotValues);
    }

    String render(Object[] values) {
        if (constant != null) {
            return constant;
        }
        if (shared.size() >= MAX_SHARED) {
            return build(values);
        }
        Object[] used = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            used[i] = values[slots[i]];
        }
        return shared.computeIfAbsent(Arrays.asList(used), k -> build(values));
    }

    private String build(Object[] values) {
        StringBuilder sb = new StringBuilder(literals.get(0).length() + 32 * slots.length);
        for (int i = 0; i < slots.length; i++) {
            sb.append(literals.get(i)).append(values[slots[i]]);
        }
        return sb.append(literals.get(slots.length)).toString();
    }
}
