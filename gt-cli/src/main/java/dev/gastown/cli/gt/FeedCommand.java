package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonWriter;
import dev.gastown.cli.DateInput;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.events.Event;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.events.FeedLine;
import dev.gastown.tmux.Pause;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "feed", description = "The town's activity: every sling, spawn, mail, nudge, done, merge, handoff"
        + " and convoy landing, from .events.jsonl; --follow keeps printing new events.")
final class FeedCommand extends GtCommand {
    @Option(names = {"-f", "--follow"}, description = "Keep printing events as they happen.")
    boolean follow;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
            description = "How many past events to show first (0: none).")
    int limit;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only events after WHEN (e.g. 10m, 2h, a date).")
    String since;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", description = "Only events of this type.")
    String type;

    @Option(names = {"-a", "--actor"}, paramLabel = "TEXT", description = "Only events whose actor contains TEXT.")
    String actor;

    @Override
    int execute() {
        EventLog log = new EventLog(town());
        Instant from = since == null ? Instant.EPOCH : parseSince(since);
        EventLog.Batch batch = log.readFrom(0);
        List<Event> past = batch.events().stream().filter(e -> keep(e, from)).toList();
        past.subList(Math.max(0, past.size() - limit), past.size()).forEach(this::print);
        long offset = batch.nextOffset();
        while (follow) {
            Pause.millis(200);
            EventLog.Batch next = log.readFrom(offset);
            next.events().stream().filter(e -> keep(e, from)).forEach(this::print);
            offset = next.nextOffset();
        }
        return ExitCodes.OK;
    }

    private boolean keep(Event e, Instant from) {
        return (type == null || e.type().equals(type)) && (actor == null || e.actor().contains(actor))
                && (from.equals(Instant.EPOCH) || parse(e.ts()).isAfter(from));
    }

    private void print(Event e) {
        out().out().println(json() ? JsonWriter.compact(e.toJson()) : FeedLine.of(e));
        out().out().flush();
    }

    private static Instant parse(String ts) {
        try {
            return Instant.parse(ts);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** {@code 10m}, {@code 2h}, {@code 1d} mean that long ago; anything else is a time. */
    private static Instant parseSince(String text) {
        return DateInput.parse(text.matches("\\d+[mhdw]") ? "-" + text : text).toInstant();
    }
}
