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

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "40")
    int lines;

    @Override
    int execute() {
        out().out().println(agentSessions().peek(new Directory(town()).resolve(target), lines));
        return ExitCodes.OK;
    }
}
