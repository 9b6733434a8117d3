package dev.gastown.core.daemon;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.town.JsonFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Restart bookkeeping per agent, kept in a file so it survives the daemon's own restarts. After a restart the next
 * one waits 30 s, doubling up to 10 minutes; five restarts within 15 minutes is a crash loop, and the agent is
 * blocked (not restarted again) until someone clears it. Thirty minutes without a restart forgets the history.
 */
public final class RestartTracker {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    static final Duration LOOP_WINDOW = Duration.ofMinutes(15);
    static final int LOOP_RESTARTS = 5;
    static final Duration STABLE = Duration.ofMinutes(30);

    /** One agent's record. */
    public record Record(List<Instant> restarts, boolean blocked) {
        public JsonObject toJson() {
            JsonArray times = new JsonArray();
            restarts.forEach(t -> times.add(t.toString()));
            return new JsonObject().put("restarts", times).put("blocked", blocked);
        }
    }

    /** What the tracker says about restarting an agent now. */
    public sealed interface Decision {
        /** Go ahead (and record it with {@link #recordRestart}). */
        record Restart() implements Decision {
        }

        /** Too soon after the last restart. */
        record Wait(Instant until) implements Decision {
        }

        /** In a crash loop: do not restart; someone must look. */
        record Blocked(int restartsInWindow) implements Decision {
        }
    }

    private final Path file;
    private final Map<String, Record> records;

    private RestartTracker(Path file, Map<String, Record> records) {
        this.file = file;
        this.records = records;
    }

    public static RestartTracker load(Path file) {
        Map<String, Record> records = new LinkedHashMap<>();
        JsonFiles.readIfExists(file).ifPresent(o -> o.entries().forEach(e -> {
            JsonObject r = e.getValue().asObject();
            List<Instant> times = new ArrayList<>();
            r.find("restarts").ifPresent(a -> a.asArray().forEach(t -> times.add(Instant.parse(t.asString()))));
            records.put(e.getKey(), new Record(times, r.find("blocked").map(JsonValue::asBoolean).orElse(false)));
        }));
        return new RestartTracker(file, records);
    }

    public Decision decide(String agent, Instant now) {
        Record r = current(agent, now);
        if (r.blocked()) {
            return new Decision.Blocked(inWindow(r, now));
        }
        if (r.restarts().isEmpty()) {
            return new Decision.Restart();
        }
        Instant last = r.restarts().get(r.restarts().size() - 1);
        Instant until = last.plus(backoff(r.restarts().size()));
        return now.isBefore(until) ? new Decision.Wait(until) : new Decision.Restart();
    }

    /** Records a restart; returns true when it makes a crash loop (the agent is then blocked). */
    public boolean recordRestart(String agent, Instant now) {
        Record r = current(agent, now);
        List<Instant> times = new ArrayList<>(r.restarts());
        times.add(now);
        Record next = new Record(times, false);
        boolean loop = inWindow(next, now) >= LOOP_RESTARTS;
        records.put(agent, new Record(times, loop));
        save();
        return loop;
    }

    /** Clears an agent's history and block (someone looked, or started it by hand). */
    public void clear(String agent) {
        if (records.remove(agent) != null) {
            save();
        }
    }

    public Map<String, Record> all() {
        return Map.copyOf(records);
    }

    static Duration backoff(int restarts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(10, Math.max(0, restarts - 1));
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private Record current(String agent, Instant now) {
        Record r = records.getOrDefault(agent, new Record(List.of(), false));
        if (!r.blocked() && !r.restarts().isEmpty()
                && r.restarts().get(r.restarts().size() - 1).isBefore(now.minus(STABLE))) {
            return new Record(List.of(), false);
        }
        return r;
    }

    private static int inWindow(Record r, Instant now) {
        return (int) r.restarts().stream().filter(t -> t.isAfter(now.minus(LOOP_WINDOW))).count();
    }

    private void save() {
        JsonObject o = new JsonObject();
        records.forEach((k, v) -> o.put(k, v.toJson()));
        JsonFiles.write(file, o);
    }
}
