package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.cli.ExitCodes;
import dev.gastown.cli.FormulaAccess;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.work.Sling;
import dev.gastown.core.work.SlingRequest;
import dev.gastown.core.work.Slung;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sling", description = "Put work on a hook: beads or a formula, onto a rig (a fresh polecat per"
        + " bead), an agent's address, or yourself (no target, or '.'). Untracked beads get a convoy.")
final class SlingCommand extends GtCommand {
    @Parameters(paramLabel = "WORK... [TARGET]", arity = "1..*",
            description = "Bead ids or one formula name, then the target.")
    List<String> words = new ArrayList<>();

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A formula variable (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = {"-a", "--args"}, paramLabel = "TEXT", description = "Instructions stored on the hooked bead.")
    String args;

    @Option(names = "--on", paramLabel = "BEAD", description = "With a formula: attach its molecule to BEAD and"
            + " hook BEAD.")
    String on;

    @Option(names = "--molecule", paramLabel = "FORMULA", description = "Workflow attached to a slung bead"
            + " (default: mol-polecat-work for polecats; 'none' for no molecule).")
    String molecule;

    @Option(names = "--no-convoy", description = "Do not create a convoy for untracked beads.")
    boolean noConvoy;

    @Option(names = "--naked", description = "Set up the hook (and polecat) but start no session.")
    boolean naked;

    @Option(names = {"-f", "--force"}, description = "Replace unfinished work already on the target's hook.")
    boolean force;

    @Override
    int execute() {
        List<String> items = new ArrayList<>(words);
        String target = "";
        if (items.size() >= 2 && isTarget(items.get(items.size() - 1))) {
            target = items.remove(items.size() - 1);
        }
        Sling sling = new Sling(ledger(), formulas(), me());
        List<Slung> done = sling.sling(new SlingRequest(items, target, FormulaAccess.vars(vars), args, on, noConvoy,
                molecule, force));
        JsonArray a = new JsonArray();
        WorkerWake wake = new WorkerWake(agentSessions(), ledger(), me(), out());
        for (Slung s : done) {
            out().line("Slung " + s.beadId() + " to " + s.agent() + (s.spawned() ? " (new polecat, worktree "
                    + s.workdir() + ")" : "") + s.molecule().map(m -> ", molecule " + m).orElse("")
                    + s.convoy().map(c -> ", convoy " + c).orElse(""));
            a.add(s.toJson().put("session", naked ? "not started (--naked)" : wake.wake(s)));
        }
        if (json()) {
            out().json(a);
        }
        return ExitCodes.OK;
    }

    /** The last word is a target when it names a rig, is an address, or is '.'. */
    private boolean isTarget(String word) {
        return word.equals(".") || word.contains("/") || RigRegistry.find(town(), word).isPresent()
                || word.equals("mayor") || word.equals("deacon");
    }
}
