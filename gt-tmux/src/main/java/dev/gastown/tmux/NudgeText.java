package dev.gastown.tmux;

/** Makes message text safe to paste: control characters (CR included) removed, tabs as spaces, newlines kept. */
public final class NudgeText {
    private NudgeText() {
    }

    public static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append('\n');
            } else if (c == '\t') {
                sb.append(' ');
            } else if (!(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
