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
 * one waits 30 s, doubling up to 10 minutes. Five restarts in a row, each within 15 minutes of the one before, is a
 * crash loop, and the agent is blocked (not restarted again) until {@code gt daemon unblock}. Counting a run of close
 * restarts rather than restarts in one fixed 15-minute window matters: with the backoff and a 3-minute heartbeat,
 * an agent that dies at once is restarted at minutes 0, 3, 6, 9 and 15, never five within any 15 minutes, and
 * would otherwise be restarted for ever. Thirty minutes without a restart forgets the history.
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
        record Blocked(int restartsInARow) implements Decision {
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
            return new Decision.Blocked(run(r));
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
        boolean loop = run(next) >= LOOP_RESTARTS;
        records.put(agent, new Record(times, loop));
        save();
        return loop;
    }

    /** Clears an agent's history and block (someone looked: {@code gt daemon unblock}). */
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

    /** How many of the latest restarts came each within the loop window of the one before. */
    private static int run(Record r) {
        List<Instant> t = r.restarts();
        int n = t.isEmpty() ? 0 : 1;
        for (int i = t.size() - 1; i > 0 && !t.get(i - 1).isBefore(t.get(i).minus(LOOP_WINDOW)); i--) {
            n++;
        }
        return n;
    }

    private void save() {
        JsonObject o = new JsonObject();
        records.forEach((k, v) -> o.put(k, v.toJson()));
        JsonFiles.write(file, o);
    }
}
