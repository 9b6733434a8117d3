package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.identity.Address;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.prime.Prime;
import dev.gastown.core.prime.PrimeReport;
import dev.gastown.core.prime.SessionStartHook;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prime", description = "What an agent reads at session start: identity, role context, handoff notes,"
        + " the work on its hook with the step to run now (a patrol role gets a new cycle), unread mail, the"
        + " Mayor's escalations, and what to do with an empty hook. Marks the agent running and logs session_start.")
final class PrimeCommand extends GtCommand {
    /** How long --hook waits for the agent CLI's JSON before going on without it. */
    private static final Duration HOOK_INPUT_PATIENCE = Duration.ofMillis(500);

    @Option(names = "--hook", description = "Read the agent CLI's session-start hook JSON from standard input and"
            + " take the session id from it (input that is missing or not JSON is ignored).")
    boolean hook;

    @Option(names = "--session", paramLabel = "ID", description = "The agent CLI's session id (default: from --hook"
            + " input, else CLAUDE_SESSION_ID).")
    String session;

    @Override
    int execute() {
        SessionStartHook input = hook ? SessionStartHook.read(env().in(), HOOK_INPUT_PATIENCE)
                : SessionStartHook.NONE;
        String sessionId = session != null && !session.isBlank() ? session
                : input.sessionId().orElse(env().get("CLAUDE_SESSION_ID"));
        Address me = me();
        PrimeReport report = Prime.run(new Ledger(town(), me.toString(), sessionId), formulas(),
                new Prime.Request(me, env().env(), env().cwd(), ProcessHandle.current().pid(), sessionId));
        if (json()) {
            out().json(report.toJson());
        } else {
            env().out().print(report.text());
        }
        return ExitCodes.OK;
    }
}
