package dev.gastown.core.daemon;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.Town;
import java.time.Duration;

/**
 * The town's watchdog timings, from {@code settings/config.json} {@code daemon}: the heartbeat interval, how often
 * Boot runs, after how long without progress an agent with work is nudged, then restarted (by the daemon), the
 * longest wait between patrol cycles, and after how long without progress the Witness nudges a polecat (and, after
 * twice as long, escalates it). Tests shorten them.
 */
public record Thresholds(Duration heartbeat, Duration bootInterval, Duration staleNudge, Duration staleRestart,
        Duration patrolBackoffMax, Duration polecatStuck) {

    public static Thresholds read(Town town) {
        JsonObject d = JsonFiles.readIfExists(town.settingsFile()).flatMap(o -> o.find("daemon"))
                .map(JsonValue::asObject).orElseGet(JsonObject::new);
        return new Thresholds(seconds(d, "heartbeat_seconds", 180), seconds(d, "boot_interval_seconds", 300),
                seconds(d, "stale_nudge_seconds", 900), seconds(d, "stale_restart_seconds", 1800),
                seconds(d, "patrol_backoff_max_seconds", 900), seconds(d, "witness_stuck_seconds", 600));
    }

    private static Duration seconds(JsonObject o, String key, long fallback) {
        return Duration.ofSeconds(o.find(key).map(JsonValue::asLong).orElse(fallback));
    }
}
