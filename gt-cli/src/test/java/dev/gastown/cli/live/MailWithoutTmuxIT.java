package dev.gastown.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.core.identity.Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine without tmux, {@code gt mail send} (a real process, its PATH holding bash, java and git but no tmux)
 * stores the mail and exits 0; that the recipient's session could not be told is only a warning.
 */
class MailWithoutTmuxIT {
    @TempDir
    Path tmp;

    @Test
    void mailIsStoredAndSentWithoutTmuxInstalled() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin-without-tmux"));
        for (String tool : new String[] {"bash", "java", "git"}) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        try (LiveTown t = LiveTown.create(tmp.resolve("base"), Map.of())) {
            Process p = t.gtProcess(Map.of("PATH", bin.toString(), "GASTOWN_NO_CDS", "1"), "mail", "send",
                    "mayor/", "-s", "No tmux here", "-m", "stored all the same");
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
            assertThat(output).contains("Warning:").contains("was delivered to mayor/").contains("tmux");
            assertThat(t.gt.as(Address.MAYOR).ok("mail", "inbox")).contains("No tmux here");
        }
    }

    private static Path which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
