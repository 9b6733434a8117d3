package dev.gastown.beads.id;

/** Facts about issue ids that need no store: validity, and hierarchy ({@code parent.N}, at most three levels). */
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
