package dev.gastown.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gastown.core.GtException;
import dev.gastown.core.testing.TownFixture;
import dev.gastown.core.town.Town;
import dev.gastown.tmux.AgentPreset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {
    @TempDir
    Path tmp;

    private Presets load(String agents) throws IOException {
        Town town = TownFixture.bare(tmp).town;
        Files.createDirectories(town.settingsFile().getParent());
        Files.writeString(town.settingsFile(), "{\"agents\": " + agents + "}");
        return Presets.load(town, "/nonexistent");
    }

    @Test
    void aNewPresetHasOnlyItsOwnFieldsAndNeutralDefaults() throws IOException {
        AgentPreset p = load("{\"mycli\": {\"command\": \"mycli\"}}").get("mycli");
        assertEquals(List.of("mycli", "PROMPT"), p.startArgv("PROMPT", Map.of()));
        assertEquals(List.of(), p.args());
        assertFalse(p.canResume());
        assertEquals(List.of(), p.askArgs());
        assertEquals(List.of(), p.forkArgs());
        assertEquals("", p.readyPrompt());
        assertEquals("", p.busyMarker());
        assertEquals(5000, p.readyDelayMillis());
        assertTrue(p.promptAsArgument());
        assertEquals(List.of(), p.dialogs());
        assertEquals(Map.of(), p.env());
        assertEquals(List.of(), p.unsetEnv());
        assertFalse(p.hooks());
    }

    @Test
    void overridingAShippedPresetKeepsItsOtherFields() throws IOException {
        Presets presets = load("{\"claude\": {\"args\": [\"--model\", \"opus\"]}}");
        AgentPreset claude = presets.get("claude");
        assertEquals(List.of("claude", "--model", "opus", "go"), claude.startArgv("go", Map.of()));
        assertEquals(List.of("--resume", "{session}"), claude.resumeArgs());
        assertEquals(List.of("--fork-session"), claude.forkArgs());
        assertEquals("❯ ", claude.readyPrompt());
        assertEquals(3, claude.dialogs().size());
        assertEquals(List.of("CLAUDECODE", "CLAUDE_CODE_ENTRYPOINT"), claude.unsetEnv());
        assertTrue(claude.hooks());
        assertEquals(List.of("gt", "agent", "scripted", "go"), presets.get(Presets.SCRIPTED)
                .startArgv("go", Map.of()));
    }

    @Test
    void aNewPresetWithoutACommandIsRefusedByName() throws IOException {
        GtException e = assertThrows(GtException.class, () -> load("{\"mycli\": {\"args\": [\"--yes\"]}}"));
        assertTrue(e.getMessage().contains("mycli") && e.getMessage().contains("command"), e.getMessage());
    }
}
