package dev.gastown.cli.bd;

import dev.gastown.beads.graph.IssueSummary;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.mol.Molecules;
import dev.gastown.beads.ops.Closing;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Updates;
import dev.gastown.beads.query.ReadyFilter;
import dev.gastown.beads.query.ReadyQuery;
import dev.gastown.beads.store.StoreTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "close", description = "Close issues.")
final class CloseCommand extends BdCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = {"-r", "--reason", "--resolution"}, paramLabel = "TEXT", description = "Why it is closed.")
    String reason;

    @Option(names = {"-f", "--force"}, description = "Close pinned issues too.")
    boolean force;

    @Option(names = "--continue", description = "Then claim the next ready step of the same molecule.")
    boolean continueMolecule;

    @Option(names = "--no-auto", description = "With --continue: show the next step without claiming it.")
    boolean noAuto;

    @Option(names = "--suggest-next", description = "Show issues this close made ready.")
    boolean suggestNext;

    /** The outcome of one invocation, computed in the transaction and printed after it. */
    private record Result(List<Issue> closed, String molecule, Issue next, List<String> unblocked) {
    }

    @Override
    int execute() {
        Result r = store().write(tx -> {
            Set<String> readyBefore = suggestNext ? readySet(tx) : Set.of();
            List<Issue> closed = new ArrayList<>();
            for (String typed : ids) {
                closed.add(Closing.close(tx, context(), resolve(tx, typed), reason, force));
            }
            String molecule = null;
            Issue next = null;
            if (continueMolecule) {
                Issue last = closed.get(closed.size() - 1);
                molecule = Molecules.rootOf(tx, last.id()).orElse(null);
                Optional<IssueSummary> step = molecule == null ? Optional.empty()
                        : Molecules.nextReady(tx, molecule, last.id());
                if (step.isPresent()) {
                    next = noAuto ? tx.get(step.get().id())
                            : Updates.apply(tx, context(), step.get().id(), new IssueUpdate().claim());
                }
            }
            List<String> unblocked = new ArrayList<>();
            if (suggestNext) {
                for (String id : readySet(tx)) {
                    if (!readyBefore.contains(id)) {
                        unblocked.add(id);
                    }
                }
            }
            return new Result(closed, molecule, next, unblocked);
        });
        print(r);
        return 0;
    }

    private static Set<String> readySet(StoreTransaction tx) {
        return new HashSet<>(ReadyQuery.ready(tx, ReadyFilter.defaults().withLimit(0), System.currentTimeMillis()
                * 1000, null));
    }

    private void print(Result r) {
        if (json()) {
            if (!continueMolecule) {
                out().json(BdJson.issues(r.closed()));
                return;
            }
            out().json(new JsonObject().put("closed", BdJson.issues(r.closed()))
                    .put("molecule_id", r.molecule() == null ? JsonNull.INSTANCE
                            : new dev.gastown.beads.json.JsonString(r.molecule()))
                    .put("next_step", r.next() == null ? JsonNull.INSTANCE : BdJson.issue(r.next()))
                    .put("claimed", r.next() != null && !noAuto)
                    .put("complete", r.molecule() != null && r.next() == null));
            return;
        }
        for (Issue i : r.closed()) {
            out().line("✓ Closed " + i.id() + ": " + i.title() + (i.closeReason().isEmpty() ? ""
                    : " (" + i.closeReason() + ")"));
        }
        if (continueMolecule) {
            if (r.molecule() == null) {
                out().line("  (not part of a molecule; nothing to continue)");
            } else if (r.next() == null) {
                out().line("  No ready step left in molecule " + r.molecule() + ".");
            } else {
                out().line((noAuto ? "→ Next step: " : "→ Claimed next step: ") + r.next().id() + ": "
                        + r.next().title());
            }
        }
        if (suggestNext && !r.unblocked().isEmpty()) {
            out().line("Now ready: " + String.join(", ", r.unblocked()));
        }
    }
}
