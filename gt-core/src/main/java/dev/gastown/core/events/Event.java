package dev.gastown.core.events;

import dev.gastown.beads.json.JsonObject;

/**
 * One line of {@code .events.jsonl}: when, which program, what kind of thing happened, who did it, the details, and
 * where it shows ({@code feed}, {@code audit} or {@code both}).
 */
public record Event(String ts, String source, String type, String actor, JsonObject payload, String visibility) {

    public JsonObject toJson() {
        return new JsonObject().put("ts", ts).put("source", source).put("type", type).put("actor", actor)
                .put("payload", payload).put("visibility", visibility);
    }

    public static Event fromJson(JsonObject o) {
        JsonObject payload = o.find("payload").filter(v -> v instanceof JsonObject).map(v -> (JsonObject) v)
                .orElseGet(JsonObject::new);
        return new Event(o.string("ts"), o.string("source"), o.string("type"), o.string("actor"), payload,
                o.string("visibility"));
    }
}
