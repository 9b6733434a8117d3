package dev.gastown.core.daemon;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.town.JsonFiles;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code daemon/state.json}: whether the daemon runs (and as which pid), its heartbeats, when Boot last ran and when
 * each stale agent was last nudged. Written by one heartbeat at a time (the heartbeat lock), read by anyone.
 */
public final class DaemonState {
    private DaemonState() {
    }

    public static JsonObject read(DaemonFiles files) {
        return JsonFiles.readIfExists(files.state()).orElseGet(JsonObject::new);
    }

    static void started(DaemonFiles files, long pid, Instant at) {
        JsonFiles.write(files.state(), read(files).put("running", true).put("pid", pid).put("started_at",
                at.toString()));
    }

    static void stopped(DaemonFiles files) {
        JsonFiles.write(files.state(), read(files).put("running", false));
    }

    static void recordHeartbeat(DaemonFiles files, Instant at) {
        JsonObject s = read(files);
        long count = s.find("heartbeat_count").map(JsonValue::asLong).orElse(0L);
        JsonFiles.write(files.state(), s.put("last_heartbeat", at.toString()).put("heartbeat_count", count + 1));
    }

    static boolean bootDue(DaemonFiles files, Instant now, Duration interval) {
        String last = read(files).string("last_boot");
        return last.isEmpty() || !Instant.parse(last).plus(interval).isAfter(now);
    }

    static void recordBoot(DaemonFiles files, Instant at) {
        JsonFiles.write(files.state(), read(files).put("last_boot", at.toString()));
    }

    /** Whether a stale agent may be nudged again (one nudge per stale period); records the nudge if so. */
    static boolean mayNudge(DaemonFiles files, Address a, Instant now, Duration period) {
        JsonObject s = read(files);
        JsonObject nudged = s.find("nudged").map(JsonValue::asObject).orElseGet(JsonObject::new);
        String last = nudged.string(a.toString());
        if (!last.isEmpty() && Instant.parse(last).plus(period).isAfter(now)) {
            return false;
        }
        JsonFiles.write(files.state(), s.put("nudged", nudged.put(a.toString(), now.toString())));
        return true;
    }
}
