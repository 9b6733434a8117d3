package dev.gastown.beads.id;

/**
 * Facts about issue ids that need no store: hierarchy ({@code parent.N}, at most three levels below a top-level
 * id), and the prefix an id was minted under.
 */
public final class IssueIds {
    /** Deepest allowed child id: {@code a.1.2.3}. */
    public static final int MAX_CHILD_DEPTH = 3;

    private IssueIds() {
    }

    /** A child id: its last dot-segment is all digits. */
    public static boolean isHierarchical(String id) {
        int dot = id.lastIndexOf('.');
        if (dot < 0 || dot == id.length() - 1) {
            return false;
        }
        for (int i = dot + 1; i < id.length(); i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The parent of a child id ({@code a.1.2} for {@code a.1.2.3}), or null for a top-level id. */
    public static String parentOf(String id) {
        return isHierarchical(id) ? id.substring(0, id.lastIndexOf('.')) : null;
    }

    /** How many child levels the id is below its top-level ancestor. */
    public static int depth(String id) {
        int depth = 0;
        for (String p = id; isHierarchical(p); p = parentOf(p)) {
            depth++;
        }
        return depth;
    }

    /**
     * The prefix of an id, by the original's heuristic: the text before the last dash when what follows looks like a
     * hash or a number (four or more characters must include a digit), otherwise the text before the first dash.
     * {@code gt-abc12} gives {@code gt}; {@code gt-wisp-x7q} gives {@code gt-wisp}; {@code gt-gastown-crew-max}
     * gives {@code gt}.
     */
    public static String prefixOf(String id) {
        String top = id;
        while (isHierarchical(top)) {
            top = parentOf(top);
        }
        int last = top.lastIndexOf('-');
        if (last <= 0) {
            return "";
        }
        String suffix = top.substring(last + 1);
        if (looksLikeHash(suffix)) {
            return top.substring(0, last);
        }
        return top.substring(0, top.indexOf('-'));
    }

    private static boolean looksLikeHash(String s) {
        if (s.isEmpty() || s.length() > 8) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
            digit |= Character.isDigit(c);
        }
        return s.length() < 4 || digit;
    }

    /** Whether {@code id} is acceptable as an id at all: printable, no whitespace, quotes or path separators. */
    public static boolean isValid(String id) {
        if (id.isEmpty() || id.length() > 200) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c == '"' || c == '\\' || c == '/' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
