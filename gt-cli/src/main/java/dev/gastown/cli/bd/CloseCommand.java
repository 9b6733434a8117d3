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
    @Parameters(arity = "0..*", paramLabel = "ID")
    List<String> ids = new ArrayList<>();

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

    @Option(names = "--stdin", description = "Read closes from standard input, one per line (ID, then an optional "
            + "reason), and answer each with one line once it is durable. For executors driving long molecules.")
    boolean fromStdin;

    /** The outcome of one invocation, computed in the transaction and printed after it. */
    private record Result(List<Issue> closed, String molecule, Issue next, List<String> unblocked) {
    }

    @Override
    int execute() {
        if (fromStdin) {
            return stream();
        }
        if (ids.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'ID'");
        }
        Result r = close(ids, reason);
        print(r);
        ConvoyLandingHook.of(this).afterClose(closedIds(r))
                .forEach(l -> out().line(ConvoyLandingHook.describe(l)));
        return 0;
    }

    private static List<String> closedIds(Result r) {
        return r.closed().stream().map(Issue::id).toList();
    }

    private Result close(List<String> typedIds, String why) {
        return store().write(tx -> {
            Set<String> readyBefore = suggestNext ? readySet(tx) : Set.of();
            List<Issue> closed = new ArrayList<>();
            for (String typed : typedIds) {
                closed.add(Closing.close(tx, context(), resolve(tx, typed), why, force));
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
    }

    /**
     * One close per input line, each committed (journal fsync'd) before its answer is printed and flushed, so an
     * executor that saw an answer may rely on it. Errors answer for their line and the stream goes on.
     */
    private int stream() {
        store().policy(dev.gastown.beads.store.CompactionPolicy.STREAMING);
        ConvoyLandingHook landing = ConvoyLandingHook.of(this);
        int failures = 0;
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(env().in(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int space = trimmed.indexOf(' ');
                String id = space < 0 ? trimmed : trimmed.substring(0, space);
                String why = space < 0 ? reason : trimmed.substring(space + 1).strip();
                Result r;
                try {
                    r = close(List.of(id), why);
                    print(r);
                } catch (RuntimeException e) {
                    failures++;
                    out().error("line " + number + ": " + e.getMessage());
                    continue;
                } finally {
                    env().out().flush();
                }
                // stdout carries one answer per line; landings are news for people, on stderr
                landing.afterClose(closedIds(r)).forEach(l -> out().note(ConvoyLandingHook.describe(l)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            store().compact();
        }
        return failures == 0 ? 0 : 1;
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
            if (fromStdin) { // one compact line per close: the stream's protocol
                env().out().println(dev.gastown.beads.json.JsonWriter.compact(new JsonObject()
                        .put("closed", r.closed().get(0).id())
                        .put("next_step", r.next() == null ? JsonNull.INSTANCE : new JsonObject()
                                .put("id", r.next().id()).put("title", r.next().title()))
                        .put("complete", r.molecule() != null && r.next() == null)));
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
