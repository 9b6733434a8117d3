package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.runtime.Nudges;
import dev.gastown.tmux.NudgeOutcome;
import dev.gastown.tmux.Nudger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "nudge", description = "Type a message into an agent's session: delivered when it is idle (the"
        + " submit is verified), else queued for its next turn. Exit 0 when delivered or queued, 1 when neither.",
        subcommands = NudgeCommand.Drain.class)
final class NudgeCommand extends GtCommand {
    @Parameters(index = "0", paramLabel = "TARGET", arity = "0..1", description = "An agent's address.")
    String target;

    @Parameters(index = "1..*", paramLabel = "MESSAGE", arity = "0..*")
    List<String> words = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT")
    String message;

    @Option(names = "--stdin", description = "Read the message from standard input.")
    boolean stdin;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "wait-idle",
            description = "wait-idle (default), queue, or immediate (interrupts a busy agent).")
    String mode;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long wait-idle waits for the agent to become idle before queueing (0: only if it is"
                    + " idle now).")
    int waitSeconds;

    @Option(names = "--watch", paramLabel = "SECONDS", defaultValue = "0",
            description = "After queueing, keep watching this long and deliver the queue once the agent is idle.")
    int watchSeconds;

    @Option(names = {"-f", "--force"}, description = "Send even if the recipient is muted.")
    boolean force;

    @Override
    int execute() {
        if (target == null) {
            throw new CliException("gt nudge TARGET MESSAGE (or gt nudge drain)", ExitCodes.USAGE);
        }
        Address to = new Directory(town()).resolve(target);
        String text = text();
        Nudges nudges = new Nudges(agentSessions(), ledger());
        NudgeOutcome outcome = nudges.send(me(), to, text, parseMode(), Duration.ofSeconds(waitSeconds), force);
        JsonObject o = new JsonObject().put("target", to.toString());
        if (outcome instanceof NudgeOutcome.Delivered d) {
            o.put("outcome", "delivered").put("submit_attempts", d.submitAttempts())
                    .put("delivered_from_queue", d.fromQueue());
            out().line("Nudged " + to + (d.fromQueue() > 0 ? ", after the " + d.fromQueue()
                    + " message(s) queued before" : ""));
        } else if (outcome instanceof NudgeOutcome.Queued q) {
            int delivered = q.fromQueue() + (watchSeconds > 0
                    ? nudges.deliverQueued(to, Duration.ofSeconds(watchSeconds)) : 0);
            boolean waiting = Files.exists(Path.of(q.file()));
            o.put("outcome", "queued").put("file", q.file()).put("delivered_from_queue", delivered)
                    .put("still_queued", waiting);
            out().line(waiting ? to + " is busy: queued for its next turn"
                    + (delivered > 0 ? " (" + delivered + " earlier message(s) delivered)" : "")
                    : to + " took it from its queue (" + delivered + " message(s) typed from the queue)");
        } else if (outcome instanceof NudgeOutcome.Failed f) {
            o.put("outcome", "failed").put("reason", f.reason());
            if (json()) {
                out().json(o);
            }
            throw new CliException("nudge to " + to + " not delivered: " + f.reason(), ExitCodes.FAILURE);
        }
        if (json()) {
            out().json(o);
        }
        return ExitCodes.OK;
    }

    private String text() {
        if (stdin) {
            try {
                return new String(env().in().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (message != null) {
            return message;
        }
        if (words.isEmpty()) {
            throw new CliException("no message: gt nudge TARGET MESSAGE, -m TEXT or --stdin", ExitCodes.USAGE);
        }
        return String.join(" ", words);
    }

    private Nudger.Mode parseMode() {
        try {
            return Nudger.Mode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CliException("--mode is wait-idle, queue or immediate, not " + mode, ExitCodes.USAGE);
        }
    }

    @Command(name = "drain", description = "Take the messages queued for you (agents run this at each turn).")
    static final class Drain extends GtCommand {
        @Option(names = "--inject", description = "Print them as a <system-reminder> block for an agent CLI hook.")
        boolean inject;

        @Override
        int execute() {
            List<String> messages = new Nudges(agentSessions(), ledger()).drain(me());
            if (json()) {
                JsonArray a = new JsonArray();
                messages.forEach(a::add);
                out().json(a);
            } else if (inject) {
                if (!messages.isEmpty()) {
                    out().line("<system-reminder>");
                    out().line("Messages that arrived while you were working:");
                    messages.forEach(m -> out().line("- " + m));
                    out().line("</system-reminder>");
                }
            } else {
                messages.forEach(out()::line);
            }
            return ExitCodes.OK;
        }
    }
}
