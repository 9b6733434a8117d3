package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.identity.Address;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seance refuses, by name and with exit 1, what the preset running the past session cannot do. */
class SeanceCommandTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.bare(tmp);
        overseer = Gt.in(f.town);
        overseer.as(Address.MAYOR).runWithInput("{\"session_id\": \"0c1d2e3f-mayor-session\"}", "prime", "--hook")
                .ok();
    }

    private void mayorRuns(String preset) throws Exception {
        Files.createDirectories(f.town.settingsFile().getParent());
        Files.writeString(f.town.settingsFile(), "{\"role_agents\": {\"mayor\": \"" + preset + "\"}}");
    }

    @Test
    void askingAPresetWithoutAskArgsNamesThePresetAndWhatItLacks() throws Exception {
        mayorRuns("codex");
        CliRun run = overseer.run("seance", "--talk", "0c1d2e3f", "-p", "why?");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("codex").contains("ask_args").contains("without -p");
    }

    @Test
    void aPresetThatCannotResumeIsRefusedByName() throws Exception {
        mayorRuns("opencode");
        CliRun run = overseer.run("seance", "--talk", "0c1d2e3f");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("opencode").contains("resume_args");
    }

    @Test
    void theScriptedAgentRefusesToAnswerForASessionItHasNoTranscriptOf() {
        CliRun run = overseer.run("agent", "scripted", "--resume", "0c1d2e3f-mayor-session", "--ask", "why?");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("no transcript of scripted session 0c1d2e3f-mayor-session")
                .contains(f.town.runtimeDir().resolve("transcripts").toString());
        assertThat(overseer.run("agent", "scripted", "--ask", "why?").exitCode()).isEqualTo(2);
    }
}
