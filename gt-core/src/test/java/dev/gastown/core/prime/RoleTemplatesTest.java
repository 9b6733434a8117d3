package dev.gastown.core.prime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.testing.TownFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleTemplatesTest {
    /** The gt commands that exist or are specified (the formulas use them too); role texts may name only these. */
    private static final Set<String> GT_COMMANDS = Set.of("hook", "prime", "mol", "mail", "done", "handoff", "mq",
            "polecat", "escalate", "nudge", "sling", "status", "deacon", "convoy", "crew", "peek", "witness",
            "refinery", "feed", "whoami", "dog");
    private static final Pattern GT_CALL = Pattern.compile("`gt ([a-z]+)");

    @TempDir
    static Path tmp;

    static TownFixture f;

    @BeforeAll
    static void town() throws Exception {
        f = TownFixture.withRig(tmp);
    }

    static List<Address> oneOfEach() {
        String rig = TownFixture.RIG;
        return List.of(Address.MAYOR, Address.DEACON, Address.BOOT, new Address.Dog("alpha"),
                new Address.Witness(rig), new Address.Refinery(rig), new Address.Polecat(rig, "furiosa"),
                new Address.Crew(rig, "max"));
    }

    @Test
    void everyAgentRoleRendersWithItsOwnIdentityAndNoPlaceholderLeft() {
        for (Address a : oneOfEach()) {
            String text = RoleTemplates.render(f.town, a);
            assertThat(text).as(a.toString()).doesNotContain("{{").contains("`" + a + "`")
                    .startsWith("# You are");
            a.rig().ifPresent(r -> assertThat(text).contains(r));
            a.name().ifPresent(n -> assertThat(text).contains(n));
        }
    }

    @Test
    void everyRoleTextStatesThePropulsionRuleHowToWalkAMoleculeBeingBlockedAndEnding() {
        for (Address a : oneOfEach()) {
            String text = RoleTemplates.render(f.town, a);
            assertThat(text).as(a.toString()).contains("## The propulsion rule").contains("gt hook")
                    .containsPattern("bd close STEP( --reason \"[^\"]*\")? --continue").containsPattern("## (When you are blocked|Escalations)")
                    .containsPattern("## Ending");
        }
    }

    @Test
    void patrolRolesNameTheFormulaPrimePoursForThem() {
        for (Address a : oneOfEach()) {
            Patrols.formula(a.role()).ifPresent(formula -> {
                assertThat(RoleTemplates.render(f.town, a)).as(a.toString()).contains("`" + formula + "`");
                assertThat(formulasDir().resolve(formula + ".formula.toml")).isRegularFile();
            });
        }
        assertThat(RoleTemplates.render(f.town, new Address.Polecat(TownFixture.RIG, "nux")))
                .contains("`mol-polecat-work`").contains("gt done");
        assertThat(RoleTemplates.render(f.town, new Address.Refinery(TownFixture.RIG)))
                .contains("gt mq process gastown --json");
    }

    @Test
    void roleTextsNameOnlyGtCommandsThatExistOrAreSpecified() {
        Set<String> unknown = new TreeSet<>();
        for (Role role : Role.values()) {
            if (role == Role.OVERSEER) {
                continue;
            }
            Matcher m = GT_CALL.matcher(RoleTemplates.raw(role));
            while (m.find()) {
                if (!GT_COMMANDS.contains(m.group(1))) {
                    unknown.add(role.key() + ": gt " + m.group(1));
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    private static Path formulasDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("formulas"))) {
                return p.resolve("formulas");
            }
        }
        throw new IllegalStateException("formulas/ not found");
    }
}
