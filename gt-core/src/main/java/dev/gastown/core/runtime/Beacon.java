package dev.gastown.core.runtime;

import dev.gastown.core.identity.Address;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The first thing an agent reads: a beacon line that names it, who started it, when and why (it becomes the
 * session's title in the agent CLI's resume picker, which is how predecessors are found), then what to do first.
 * It is passed as the CLI's initial prompt, so nothing has to be typed into a TUI that is not ready yet.
 */
public final class Beacon {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);

    private Beacon() {
    }

    /** {@code [GAS TOWN] RECIPIENT <- SENDER • YYYY-MM-DDTHH:MM • TOPIC}. */
    public static String line(Address to, Address from, String topic, Instant at) {
        return "[GAS TOWN] " + to + " <- " + from + " • " + MINUTE.format(at) + " • " + topic;
    }

    /** What the agent must do first, by role. */
    public static String instructions(Address to) {
        return switch (to.role()) {
            case POLECAT, CREW -> "Run `gt prime`, then `gt hook` to check your hook, and begin work.";
            case WITNESS -> "Run `gt prime` to check patrol status and begin your patrol.";
            case REFINERY -> "Run `gt prime` to check the merge queue and begin your patrol.";
            case DEACON -> "Run `gt prime` and begin your patrol cycle.";
            case BOOT -> "Run `gt prime` and triage the Deacon.";
            case DOG -> "Run `gt prime`, then `gt hook`, and do the job on your hook.";
            case MAYOR -> "Run `gt prime` to check your mail and hook, and begin coordination.";
            case OVERSEER -> throw new IllegalArgumentException("the overseer is not started");
        };
    }

    public static String prompt(Address to, Address from, String topic, Instant at) {
        return line(to, from, topic, at) + "\n\n" + instructions(to);
    }
}
