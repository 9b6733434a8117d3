package dev.gastown.cli.bd;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "flush", description = "Fold the journal into issues.jsonl now (the pre-commit hook runs this).")
final class FlushCommand extends BdCommand {
    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    @Override
    int execute() {
        store().compact();
        if (!quiet) {
            out().line("✓ issues.jsonl is current");
        }
        return 0;
    }
}
