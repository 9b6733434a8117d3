package dev.gastown.core.prime;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonString;
import dev.gastown.beads.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an agent CLI's session-start hook passes on standard input. Claude Code sends
 * {@code {"session_id","transcript_path","cwd","hook_event_name":"SessionStart","source":"startup"}}; other runtimes
 * send something else or nothing, so every field is optional and input that is not a JSON object means "no data".
 */
public record SessionStartHook(Optional<String> sessionId, Optional<String> source, Optional<String> transcriptPath,
        Optional<String> cwd) {

    /** More than any hook payload; what is beyond it is not read. */
    private static final int MAX_BYTES = 1 << 20;

    public static final SessionStartHook NONE = new SessionStartHook(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public static SessionStartHook parse(String text) {
        JsonObject o;
        try {
            JsonValue v = JsonParser.parse(text == null ? "" : text.strip());
            if (!(v instanceof JsonObject obj)) {
                return NONE;
            }
            o = obj;
        } catch (RuntimeException notJson) {
            return NONE;
        }
        return new SessionStartHook(field(o, "session_id"), field(o, "source"), field(o, "transcript_path"),
                field(o, "cwd"));
    }

    /**
     * Reads the payload from {@code in}, giving up after {@code patience}: some runtimes run hooks with a standard
     * input they never write to or close, and a session must not hang on that.
     */
    public static SessionStartHook read(InputStream in, Duration patience) {
        CompletableFuture<byte[]> bytes = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(MAX_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            return parse(new String(bytes.get(patience.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
        } catch (TimeoutException | ExecutionException e) {
            return NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    private static Optional<String> field(JsonObject o, String key) {
        return o.find(key).filter(v -> v instanceof JsonString).map(JsonValue::asString).filter(s -> !s.isBlank());
    }
}
