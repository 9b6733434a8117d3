package dev.gastown.cli.agent;

import dev.gastown.beads.json.JsonObject;
import java.util.List;

/** How a resumed scripted session answers a question: from what its transcript says it did last. */
final class Seance {
    private static final int RECENT = 12;

    private Seance() {
    }

    static String answer(Transcript transcript, String question) {
        List<JsonObject> entries = transcript.read();
        StringBuilder sb = new StringBuilder();
        sb.append("You asked: ").append(question.isBlank() ? "(nothing)" : question).append('\n');
        entries.stream().filter(e -> e.string("kind").equals("closed")).reduce((a, b) -> b)
                .ifPresent(e -> sb.append("The last step I closed was ").append(e.string("text")).append(".\n"));
        entries.stream().filter(e -> e.string("kind").equals("handoff")).reduce((a, b) -> b)
                .ifPresent(e -> sb.append("I handed off ").append(e.string("text")).append(".\n"));
        sb.append("My last actions:\n");
        for (JsonObject e : entries.subList(Math.max(0, entries.size() - RECENT), entries.size())) {
            String text = e.string("text").strip();
            int nl = text.indexOf('\n');
            sb.append("- ").append(e.string("kind")).append(": ").append(nl < 0 ? text : text.substring(0, nl))
                    .append('\n');
        }
        return sb.toString();
    }
}
