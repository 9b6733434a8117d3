package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.Predecessors;
import dev.gastown.tmux.AgentPreset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seance", description = "Talk to predecessor sessions: list them (from recorded session starts), or"
        + " resume one as a fork with --talk ID and ask it a question with -p.")
final class SeanceCommand extends GtCommand {
    @Option(names = "--role", paramLabel = "TEXT", defaultValue = "", description = "Only addresses containing TEXT.")
    String role;

    @Option(names = {"-n", "--recent"}, paramLabel = "N", defaultValue = "20")
    int recent;

    @Option(names = {"-t", "--talk"}, paramLabel = "ID", description = "A session id (or a unique prefix).")
    String talk;

    @Option(names = {"-p", "--prompt"}, paramLabel = "QUESTION", description = "Ask one question and print the"
            + " answer (without it, the resumed session is interactive).")
    String prompt;

    @Override
    int execute() {
        Predecessors predecessors = new Predecessors(town());
        if (talk == null) {
            List<Predecessors.Past> past = predecessors.list(role, recent);
            if (json()) {
                JsonArray a = new JsonArray();
                past.forEach(p -> a.add(p.toJson()));
                out().json(a);
            } else if (past.isEmpty()) {
                out().line("No recorded sessions" + (role.isEmpty() ? "" : " for " + role) + ".");
            } else {
                past.forEach(p -> out().line(String.format("%-12s %-28s %s", p.sessionId().substring(0,
                        Math.min(12, p.sessionId().length())), p.address(), p.startedAt())));
            }
            return ExitCodes.OK;
        }
        Predecessors.Past past = predecessors.resolve(talk);
        AgentSessions sessions = agentSessions();
        AgentPreset preset = sessions.presetFor(Address.parse(past.address()));
        Predecessors.Resumption r = predecessors.resumption(past, preset, Optional.ofNullable(prompt), env().env(),
                sessions.agentPath());
        ProcessBuilder pb = new ProcessBuilder(r.argv()).directory(r.dir().toFile());
        pb.environment().clear();
        pb.environment().putAll(r.env());
        try {
            if (prompt == null) {
                return pb.inheritIO().start().waitFor();
            }
            Process p = pb.redirectErrorStream(true).start();
            p.getOutputStream().close();
            out().out().print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            int code = p.waitFor();
            if (code != 0) {
                throw new GtException(preset.name() + " exited with " + code + " while answering");
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new GtException("cannot run " + preset.command() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }
}
