package dev.gastown.cli.bd;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.AgentSlots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "agent", description = "Agent beads.", subcommands = AgentCommand.State.class)
final class AgentCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: state");
    }

    @Command(name = "state", description = "Set an agent's state (idle, spawning, running, working, stuck, done, "
            + "stopped, dead) and its last activity.")
    static final class State extends BdCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1", paramLabel = "STATE")
        String state;

        @Override
        int execute() {
            Issue i = store().write(tx -> AgentSlots.setState(tx, context(), resolve(tx, agent), state));
            if (json()) {
                out().json(BdJson.issue(i));
            } else {
                out().line("✓ " + i.id() + " is " + i.agentState());
            }
            return 0;
        }
    }
}
