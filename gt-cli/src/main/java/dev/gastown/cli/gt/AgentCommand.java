package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.cli.agent.ScriptedAgent;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.runtime.Presets;
import dev.gastown.tmux.AgentPreset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "agent", description = "Agent runtimes: the presets the town can run, and the built-in scripted"
        + " agent.", subcommands = {AgentCommand.Scripted.class, AgentCommand.PresetList.class})
final class AgentCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "scripted", description = "Run the scripted agent in this terminal (the town starts it in agent"
            + " sessions). With --resume ID --ask QUESTION, answer from that session's transcript and exit.")
    static final class Scripted extends GtCommand {
        @Parameters(paramLabel = "ARGS", arity = "0..*", description = "The initial prompt, or --resume ID --ask Q.")
        List<String> args = new ArrayList<>();

        @Override
        int execute() {
            try {
                return ScriptedAgent.run(args, env().env(), env().cwd(), env().in(), env().out());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Command(name = "presets", description = "The agent presets this town knows, and which one each role runs.")
    static final class PresetList extends GtCommand {
        @Override
        int execute() {
            Presets presets = agentSessions().presets();
            JsonObject o = new JsonObject();
            JsonArray all = new JsonArray();
            for (AgentPreset p : presets.all().values()) {
                all.add(new JsonObject().put("name", p.name()).put("command", p.command())
                        .put("can_resume", p.canResume()));
            }
            o.put("presets", all);
            JsonObject roles = new JsonObject();
            for (Role r : List.of(Role.MAYOR, Role.DEACON, Role.BOOT)) {
                Address a = Address.parse(r == Role.BOOT ? "deacon/boot" : r.key());
                roles.put(r.key(), presets.forAgent(town(), a).name());
            }
            o.put("roles", roles).put("auto", presets.autoChoice());
            if (json()) {
                out().json(o);
            } else {
                presets.all().values().forEach(p -> out().line(String.format("%-10s %s %s", p.name(), p.command(),
                        String.join(" ", p.args()))));
                out().line("");
                roles.entries().forEach(e -> out().line(String.format("%-10s runs %s", e.getKey(),
                        e.getValue().asString())));
                out().line("auto       means " + presets.autoChoice() + " on this machine");
            }
            return ExitCodes.OK;
        }
    }
}
