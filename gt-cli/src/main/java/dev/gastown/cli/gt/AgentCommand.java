package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.cli.agent.ScriptedAgent;
import dev.gastown.cli.bench.Pegs;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.runtime.Presets;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.tmux.AgentPreset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "agent", description = "Agent runtimes: the presets the town can run, and the built-in scripted"
        + " agent.", subcommands = {AgentCommand.Scripted.class, AgentCommand.PresetList.class, AgentCommand.PegsMove.class})
final class AgentCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "scripted", description = "Run the scripted agent in this terminal (the town starts it in agent"
            + " sessions). With --resume ID [--ask QUESTION], answer from that session's transcript and exit.")
    static final class Scripted extends GtCommand {
        @Parameters(paramLabel = "PROMPT", arity = "0..*", description = "The initial prompt (its words are joined).")
        List<String> prompt = new ArrayList<>();

        @Option(names = "--resume", paramLabel = "ID", description = "Answer as past session ID (gt seance --talk"
                + " runs this) instead of starting a session.")
        String resume;

        @Option(names = "--ask", paramLabel = "QUESTION", description = "With --resume: the question to answer.")
        String ask;

        @Override
        int execute() {
            if (resume == null) {
                if (ask != null) {
                    throw new CliException("--ask needs --resume ID (the session to ask)", ExitCodes.USAGE);
                }
                try {
                    return ScriptedAgent.run(prompt, env().env(), env().cwd(), env().in(), env().out());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (!prompt.isEmpty()) {
                throw new CliException("--resume takes no prompt (ask with --ask QUESTION)", ExitCodes.USAGE);
            }
            ScriptedAgent.answer(resume, ask == null ? "" : ask, env().env(), env().cwd(), env().out());
            return ExitCodes.OK;
        }
    }

    @Command(name = "pegs", description = "The Towers of Hanoi's physical side: apply the current step (setup, a"
            + " move, verify) to simulated pegs kept in a file, refusing an illegal move. Steps apply once: re-running"
            + " the step last applied (an agent killed before closing it) changes nothing.")
    static final class PegsMove extends GtCommand {
        @Option(names = "--state", paramLabel = "FILE", description = "The pegs file (default: .hanoi/MOLECULE.json"
                + " in the working directory, MOLECULE from GT_MOLECULE).")
        Path state;

        @Option(names = "--step", paramLabel = "ID", description = "The step (default: GT_STEP).")
        String step;

        @Option(names = "--title", paramLabel = "TITLE", description = "The step's title (default: GT_STEP_TITLE).")
        String title;

        @Override
        int execute() {
            String id = step != null ? step : env().get("GT_STEP");
            String what = title != null ? title : env().get("GT_STEP_TITLE");
            if (id.isBlank() || what.isBlank()) {
                throw new CliException("no step: run this from a molecule step (GT_STEP, GT_STEP_TITLE) or give"
                        + " --step and --title", ExitCodes.USAGE);
            }
            Path file = state != null ? env().cwd().resolve(state) : env().cwd().resolve(".hanoi")
                    .resolve(env().get("GT_MOLECULE") + ".json");
            JsonObject saved = JsonFiles.readIfExists(file).orElseGet(JsonObject::new);
            if (saved.string("last_step").equals(id)) {
                out().line("Already applied " + id + " (" + what + "); nothing to do.");
                return ExitCodes.OK;
            }
            Pegs pegs = Pegs.fromJson(saved);
            try {
                pegs.apply(what);
            } catch (IllegalStateException illegal) {
                throw new CliException(file + ": " + illegal.getMessage(), ExitCodes.FAILURE);
            }
            JsonObject next = pegs.toJson().put("last_step", id);
            JsonFiles.write(file, next);
            out().line(what + " ✓ (" + pegs.moves() + " moves" + (pegs.verified() ? ", tower verified" : "") + ")");
            if (json()) {
                out().json(next);
            }
            return ExitCodes.OK;
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
