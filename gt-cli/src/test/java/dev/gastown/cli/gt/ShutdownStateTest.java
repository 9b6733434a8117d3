package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.runtime.TownTmux;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After gt down nothing brings the town back but gt up or gt start: not a patrol's gt daemon start, not a tick. */
class ShutdownStateTest {
    @TempDir
    Path tmp;

    @Test
    void aShutDownTownStaysDownUntilGtStart() throws Exception {
        TownFixture f = TownFixture.withRig(tmp);
        Gt gt = new Gt(f.town.root());
        try {
            gt.ok("down");
            CliRun start = gt.run("daemon", "start");
            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.err()).contains("shutting down");
            assertThat(gt.run("--json", "daemon", "status").ok().json().asObject().get("shutting_down").asBoolean())
                    .isTrue();
            assertThat(gt.ok("daemon", "tick")).contains("shutdown in progress");
            assertThat(TownTmux.sessions(f.town).list()).isEmpty();

            gt.run("start"); // its agents cannot run here (no gt on the PATH of an in-process test); the flag goes
            assertThat(gt.run("--json", "daemon", "status").ok().json().asObject().get("shutting_down").asBoolean())
                    .isFalse();
        } finally {
            gt.run("shutdown");
        }
    }
}
