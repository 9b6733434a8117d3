package dev.gastown.beads.store;

import java.util.Comparator;

/**
 * The order of lines in {@code issues.jsonl}: byte-wise comparison of the UTF-8 IDs, as Go's {@code cmp.Compare}
 * on strings gives. Comparing code points gives the same order as comparing UTF-8 bytes; {@link String#compareTo}
 * does not (it compares UTF-16 units). {@code x.10} sorts before {@code x.2}: never a natural sort.
 */
public final class IdOrder {
    public static final Comparator<String> COMPARATOR = IdOrder::compare;

    private IdOrder() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
