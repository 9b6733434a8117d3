package dev.gastown.cli.agent;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted agent's session transcript: every message it received and every action it took, one JSON object
 * per line. It is what a resumed session (seance) answers from, and what tests read to see what arrived.
 */
final class Transcript {
    private final Path file;

    Transcript(Path file) {
        this.file = file;
    }

    static Path of(Path dir, String sessionId) {
        return dir.resolve(sessionId + ".jsonl");
    }

    void append(String kind, String text) {
        String line = JsonWriter.compact(new JsonObject().put("ts", Instant.now().toString()).put("kind", kind)
                .put("text", text)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    List<JsonObject> read() {
        List<JsonObject> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JsonParser.parseObject(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + file, e);
        }
        return out;
    }
}
