package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.identity.Address;
import dev.gastown.core.prime.Patrols;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.HookedMolecules;
import dev.gastown.core.work.Hooks;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "patrol", description = "Patrol cycles of the Deacon, Witnesses and Refineries.",
        subcommands = PatrolCommand.Next.class)
final class PatrolCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "next", description = "End this cycle and begin the next: squash the finished patrol wisp into a"
            + " digest and hang a fresh one on your hook.")
    static final class Next extends GtCommand {
        @Option(names = "--summary", paramLabel = "TEXT", defaultValue = "", description = "The digest's text.")
        String summary;

        @Override
        int execute() {
            Address me = me();
            if (Patrols.formula(me.role()).isEmpty()) {
                throw new CliException(me + " has no patrol", ExitCodes.FAILURE);
            }
            HookView view = HookView.of(me, new Hooks(ledger()).find(me));
            boolean finished = view.progress().map(p -> p.total() > 0 && p.done() == p.total()).orElse(false);
            if (view.hooked().isPresent() && !view.hooked().get().complete() && !finished) {
                throw new CliException("this cycle still has open steps (gt hook shows them); finish them first",
                        ExitCodes.FAILURE);
            }
            String digest = "";
            if (view.hooked().isPresent() && view.progress().isPresent()) {
                digest = new HookedMolecules(ledger()).squash(me, summary.isEmpty() ? "patrol cycle done"
                        : summary).digestId();
            }
            Optional<Patrols.Started> next = Patrols.start(ledger(), formulas(), me);
            JsonObject o = new JsonObject().put("digest", digest).put("molecule", next.map(Patrols.Started::moleculeId)
                    .orElse(""));
            if (json()) {
                out().json(o);
            } else {
                out().line("Cycle done" + (digest.isEmpty() ? "" : " (digest " + digest + ")") + "; next cycle "
                        + o.string("molecule"));
            }
            return ExitCodes.OK;
        }
    }
}
