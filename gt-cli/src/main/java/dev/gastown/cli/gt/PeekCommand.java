package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.Directory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "peek", description = "Show the last lines of an agent's screen.")
final class PeekCommand extends GtCommand {
    @Parameters(paramLabel = "TARGET")
    String target;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "40",
            description = "How many lines: the last N, scrollback included, blank lines below the output not counted.")
    int lines;

    @Override
    int execute() {
        out().out().println(agentSessions().peek(new Directory(town()).resolve(target), lines));
        return ExitCodes.OK;
    }
}
