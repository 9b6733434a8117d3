package dev.gastown.core.town;

import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonWriter;
import dev.gastown.beads.store.Fsync;
import dev.gastown.core.GtException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The town's JSON configuration files: read with errors that name the file, written atomically. */
public final class JsonFiles {
    private JsonFiles() {
    }

    public static Optional<JsonObject> readIfExists(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return Optional.of(JsonParser.parseObject(text));
        } catch (JsonException e) {
            throw new GtException(file + " is not valid JSON: " + e.getMessage());
        }
    }

    public static JsonObject read(Path file) {
        return readIfExists(file).orElseThrow(() -> new GtException(file + " does not exist"));
    }

    /** Writes through a temp file, fsync and rename: readers see the old file or the new one, never a torn one. */
    public static void write(Path file, JsonObject value) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        Fsync.writeAtomically(file, JsonWriter.indented(value));
    }
}
