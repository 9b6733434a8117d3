package dev.gastown.cli.gt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.testing.CliRun;
import dev.gastown.cli.testing.Gt;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrewCommandTest {
    @TempDir
    Path tmp;

    TownFixture f;
    Gt overseer;

    @BeforeEach
    void town() throws Exception {
        f = TownFixture.withRig(tmp);
        overseer = new Gt(f.town.root());
    }

    @Test
    void crewAddListRemove() throws Exception {
        assertThat(overseer.ok("crew", "add", "max", "--rig", TownFixture.RIG)).contains("Added gastown/crew/max");
        JsonObject listed = overseer.run("--json", "crew", "list").ok().json().asArray().get(0).asObject();
        assertThat(listed.string("address")).isEqualTo("gastown/crew/max");
        assertThat(listed.string("branch")).isEqualTo("main");
        Path clone = Path.of(listed.string("path"));
        Files.writeString(clone.resolve("draft.txt"), "x\n");
        CliRun refused = overseer.run("crew", "remove", "max", "--rig", TownFixture.RIG);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("uncommitted");
        assertThat(clone).isDirectory();
        Gt max = overseer.at(clone);
        assertThat(max.run("--json", "whoami").ok().json().asObject().string("address"))
                .isEqualTo("gastown/crew/max");
        assertThat(max.ok("prime")).contains("# You are max, crew in rig gastown").contains("## Startup");
        overseer.run("crew", "remove", "max", "--rig", TownFixture.RIG, "--force").ok();
        assertThat(clone).doesNotExist();
        assertThat(overseer.ok("crew", "list")).contains("No crew.");
    }
}
