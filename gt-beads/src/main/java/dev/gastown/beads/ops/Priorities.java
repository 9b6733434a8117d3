package dev.gastown.beads.ops;

/** Priority input: 0 (critical) to 4 (backlog), also written P0 to P4. */
public final class Priorities {
    public static final int DEFAULT = 2;

    private Priorities() {
    }

    public static int parse(String text) {
        String t = text.trim();
        if (t.length() == 2 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            t = t.substring(1);
        }
        try {
            int p = Integer.parseInt(t);
            return check(p);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("invalid priority \"" + text + "\" (use 0-4 or P0-P4)");
        }
    }

    public static int check(int p) {
        if (p < 0 || p > 4) {
            throw new InvalidInputException("invalid priority " + p + " (use 0-4 or P0-P4)");
        }
        return p;
    }
}
