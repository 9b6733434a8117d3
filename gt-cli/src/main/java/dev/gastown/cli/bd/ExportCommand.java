package dev.gastown.cli.bd;

import dev.gastown.beads.store.Fsync;
import java.io.ByteArrayOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write the canonical issues.jsonl (no wisps) to a file or stdout.")
final class ExportCommand extends BdCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Default: stdout.")
    String output;

    @Override
    int execute() {
        if (output == null || output.equals("-")) {
            store().exportJsonl(env().out());
            env().out().flush();
            return 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store().exportJsonl(bytes);
        Fsync.writeAtomically(env().cwd().resolve(output), bytes.toByteArray());
        out().note("✓ Exported to " + output);
        return 0;
    }
}
