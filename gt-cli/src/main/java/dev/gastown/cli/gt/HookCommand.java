package dev.gastown.cli.gt;

import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.Hooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hook", description = "Show what is on your hook, with its molecule's current step; with a bead,"
        + " hang it on your own hook.")
final class HookCommand extends GtCommand {
    @Parameters(paramLabel = "BEAD", arity = "0..1", description = "A bead to put on your hook.")
    String bead;

    @Option(names = {"-t", "--target"}, paramLabel = "ADDRESS", description = "Show another agent's hook.")
    String target;

    @Option(names = {"-f", "--force"}, description = "Replace unfinished work already on the hook.")
    boolean force;

    @Override
    int execute() {
        Address who = target == null ? me() : new Directory(town()).resolve(target);
        Hooks hooks = new Hooks(ledger());
        if (bead != null) {
            hooks.hook(who, bead, force);
        }
        HookView view = HookView.of(who, hooks.find(who));
        if (json()) {
            out().json(view.toJson());
        } else {
            view.lines().forEach(out()::line);
        }
        return ExitCodes.OK;
    }
}
