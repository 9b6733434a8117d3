package dev.gastown.core.events;

import dev.gastown.beads.json.JsonValue;
import java.util.Map;

/** How one event reads in the feed: time, type, who, and a one-line summary of what happened. */
public final class FeedLine {
    private FeedLine() {
    }

    public static String of(Event e) {
        String time = e.ts().length() >= 19 ? e.ts().substring(11, 19) : e.ts();
        return String.format("%s  %-15s %-26s %s", time, e.type(), e.actor(), summary(e));
    }

    static String summary(Event e) {
        var p = e.payload();
        return switch (e.type()) {
            case "sling" -> p.string("bead") + " → " + p.string("target")
                    + (p.string("convoy").isEmpty() ? "" : " (convoy " + p.string("convoy") + ")");
            case "hook", "unhook" -> p.string("bead") + " on " + p.string("agent");
            case "spawn" -> "polecat " + p.string("rig") + "/" + p.string("polecat") + " on " + p.string("branch");
            case "nuke" -> "polecat " + p.string("rig") + "/" + p.string("polecat") + " removed";
            case "mail" -> "to " + p.string("to") + ": " + p.string("subject");
            case "nudge" -> "to " + p.string("target") + " (" + p.string("outcome") + "): " + p.string("reason");
            case "convoy_landed" -> "🚚 " + p.string("convoy") + " \"" + p.string("title") + "\" landed";
            case "handoff" -> "handed off (" + p.string("hook") + ", " + p.find("steps_done").map(JsonValue::toJson)
                    .orElse("0") + " steps done)";
            default -> rest(p.entries());
        };
    }

    private static String rest(java.util.Set<Map.Entry<String, JsonValue>> entries) {
        StringBuilder sb = new StringBuilder();
        for (var en : entries) {
            String v = en.getValue() instanceof dev.gastown.beads.json.JsonString s ? s.value() : en.getValue().toJson();
            if (v.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(en.getKey()).append('=').append(v.length() > 60 ? v.substring(0, 60) + "…" : v);
        }
        return sb.toString();
    }
}
