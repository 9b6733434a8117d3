package dev.gastown.core.runtime;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.Town;
import java.nio.file.Path;

/**
 * The hook settings an agent CLI with session hooks (Claude Code) starts with, passed by path rather than written
 * into the project's worktree: gt prime at session start and before compaction, mail and queued nudges at every
 * prompt.
 */
public final class ClaudeHooks {
    private ClaudeHooks() {
    }

    public static Path write(Town town, String session) {
        JsonObject hooks = new JsonObject()
                .put("SessionStart", event("gt prime --hook && gt mail check --inject"))
                .put("PreCompact", event("gt prime"))
                .put("UserPromptSubmit", event("gt mail check --inject; gt nudge drain --inject"));
        Path file = town.runtimeDir().resolve("agents").resolve(session).resolve("settings.json");
        JsonFiles.write(file, new JsonObject().put("hooks", hooks));
        return file;
    }

    private static JsonArray event(String command) {
        return new JsonArray().add(new JsonObject().put("hooks", new JsonArray()
                .add(new JsonObject().put("type", "command").put("command", command))));
    }
}
