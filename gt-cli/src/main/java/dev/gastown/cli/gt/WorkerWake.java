package dev.gastown.cli.gt;

import dev.gastown.cli.Output;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.runtime.AgentSessions;
import dev.gastown.core.runtime.Nudges;
import dev.gastown.core.work.Slung;
import dev.gastown.tmux.NudgeOutcome;
import dev.gastown.tmux.Nudger;
import dev.gastown.tmux.Pane;
import java.time.Duration;

/**
 * Gets the worker of a fresh sling going: a running agent is nudged to look at its hook, any other is started (the
 * beacon names the work, and its first instruction is to check the hook).
 */
final class WorkerWake {
    private final AgentSessions sessions;
    private final Ledger ledger;
    private final Address caller;
    private final Output out;

    WorkerWake(AgentSessions sessions, Ledger ledger, Address caller, Output out) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.caller = caller;
        this.out = out;
    }

    /** Wakes the worker; returns what was done ({@code nudged}, {@code started}, {@code nudge failed}). */
    String wake(Slung s) {
        if (sessions.running(s.agent()).isPresent()) {
            NudgeOutcome o = new Nudges(sessions, ledger).send(caller, s.agent(), "Work slung: " + s.beadId()
                    + ". Run `gt hook` to see it, then begin.", Nudger.Mode.WAIT_IDLE, Duration.ofSeconds(15), true);
            out.line("  " + s.agent() + (o instanceof NudgeOutcome.Failed f ? ": nudge failed: " + f.reason()
                    : o instanceof NudgeOutcome.Queued ? ": busy, told at its next turn" : ": nudged"));
            return o instanceof NudgeOutcome.Failed ? "nudge failed" : "nudged";
        }
        Pane p = sessions.ensure(s.agent(), caller, "assigned:" + s.beadId());
        out.line("  started " + SessionNames.of(s.agent()) + " (pane " + p.id() + ")");
        return "started";
    }
}
