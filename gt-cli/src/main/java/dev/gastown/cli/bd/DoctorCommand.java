package dev.gastown.cli.bd;

import dev.gastown.beads.config.BeadsLocator;
import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.ops.Doctor;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", description = "Check the store: every JSONL line, the journal, the index, git setup.")
final class DoctorCommand extends BdCommand {
    @Option(names = "--fix", description = "Rebuild the index and fold in the journal when the JSONL is readable.")
    boolean fix;

    @Override
    int execute() {
        List<Doctor.Finding> findings = Doctor.examine(BeadsLocator.locate(env().env(), env().cwd()), fix);
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Doctor.Severity.ERROR);
        if (json()) {
            JsonArray a = new JsonArray();
            for (Doctor.Finding f : findings) {
                a.add(new JsonObject().put("severity", f.severity().name().toLowerCase(Locale.ROOT))
                        .put("check", f.check()).put("message", f.message()).put("fixed", f.fixed()));
            }
            out().json(new JsonObject().put("ok", !errors).put("findings", a));
        } else if (findings.isEmpty()) {
            out().line("✓ No problems found.");
        } else {
            for (Doctor.Finding f : findings) {
                out().line(f.severity().name() + " [" + f.check() + "] " + f.message() + (f.fixed() ? " (fixed)" : ""));
            }
        }
        return errors ? 1 : 0;
    }
}
