package dev.gastown.core.events;

import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonWriter;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.town.Town;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The town's event stream, {@code .events.jsonl}: one JSON object per line, appended under a lock so lines from
 * concurrent processes never interleave. A line torn by a crash is skipped when reading.
 */
public final class EventLog {
    private final Town town;

    public EventLog(Town town) {
        this.town = town;
    }

    public Event append(String type, String actor, JsonObject payload) {
        Event e = new Event(Instant.now().toString(), "gt", type, actor, payload, "feed");
        byte[] line = (JsonWriter.compact(e.toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = town.eventsFile();
        try (StoreLock.Held held = StoreLock.of(town.runtimeDir().resolve("events.lock")).exclusive();
             FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to " + file, ex);
        }
        return e;
    }

    /** Every readable event, oldest first. */
    public List<Event> readAll() {
        return readFrom(0).events();
    }

    /** The most recent events, from about the last {@code bytes} of the stream (a cut first line is skipped). */
    public List<Event> tail(long bytes) {
        try {
            long size = Files.exists(town.eventsFile()) ? Files.size(town.eventsFile()) : 0;
            return readFrom(Math.max(0, size - bytes)).events();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + town.eventsFile(), e);
        }
    }

    /** Events that start at or after byte {@code offset}, and the offset after the last complete line. */
    public Batch readFrom(long offset) {
        byte[] bytes;
        long base;
        try (FileChannel ch = FileChannel.open(town.eventsFile(), StandardOpenOption.READ)) {
            base = Math.min(offset, ch.size());
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(ch.size() - base));
            while (buf.hasRemaining() && ch.read(buf, base + buf.position()) >= 0) {
                // positioned reads until the buffer is full
            }
            bytes = buf.array();
        } catch (NoSuchFileException e) {
            return new Batch(List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + town.eventsFile(), e);
        }
        List<Event> events = new ArrayList<>();
        int end = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, end, i - end, StandardCharsets.UTF_8);
                end = i + 1;
                try {
                    events.add(Event.fromJson(JsonParser.parseObject(line)));
                } catch (JsonException torn) {
                    // a line cut short by a crash, or hand-edited: the stream goes on without it
                }
            }
        }
        return new Batch(events, base + end);
    }

    /** Events read in one go, and where the next read starts. */
    public record Batch(List<Event> events, long nextOffset) {
    }
}
