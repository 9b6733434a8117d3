package dev.gastown.cli.bd;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.model.Issue;

/** Human one-line forms of issues. */
final class Display {
    private Display() {
    }

    static String priority(int p) {
        return "P" + p;
    }

    static String line(Issue i) {
        return i.id() + " [" + priority(i.priority()) + "] [" + i.issueType().name() + "] " + i.status().name()
                + (i.assignee().isEmpty() ? "" : " @" + i.assignee()) + " - " + i.title();
    }

    static String line(IssueSummary s, String title) {
        return s.id() + " [" + priority(s.priority()) + "] [" + s.type().name() + "] " + s.status().name()
                + (s.assignee().isEmpty() ? "" : " @" + s.assignee()) + " - " + title;
    }

    static String indent(String text, String pad) {
        return pad + text.replace("\n", "\n" + pad);
    }
}
