package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.convoy.Convoy;
import dev.gastown.core.convoy.ConvoyDispatch;
import dev.gastown.core.convoy.ConvoyLanding;
import dev.gastown.core.convoy.ConvoyQueries;
import dev.gastown.core.convoy.Convoys;
import dev.gastown.core.convoy.StrandedConvoy;
import dev.gastown.core.convoy.TrackedIssue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.work.Sling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convoy", description = "Track batches of work across rigs. A convoy lands (closes, mails its notify"
        + " address, logs convoy_landed) the moment the last issue it tracks is closed.",
        subcommands = {ConvoyCommand.Create.class, ConvoyCommand.Add.class, ConvoyCommand.Status.class, ConvoyCommand.Dispatch.class,
                ConvoyCommand.ListConvoys.class, ConvoyCommand.Check.class, ConvoyCommand.Stranded.class})
final class ConvoyCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    @Command(name = "create", description = "Create a convoy tracking issues. If the first word looks like an issue"
            + " id, every word is an issue and the first one's title names the convoy.")
    static final class Create extends GtCommand {
        @Parameters(paramLabel = "NAME|ID [ID...]", arity = "1..*")
        List<String> words = new ArrayList<>();

        @Option(names = "--notify", arity = "0..1", paramLabel = "ADDRESS", preprocessor = AttachedValueOnly.class,
                description = "Mail ADDRESS when the convoy lands; alone it means mayor/, with a value write"
                        + " --notify=ADDRESS.")
        String notify;

        @Override
        int execute() {
            Convoys.Created c = new Convoys(ledger()).create(words, notify);
            if (json()) {
                out().json(new JsonObject().put("id", c.id()).put("title", c.title()).put("issues", strings(
                        c.issues())).put("notify", c.notifyAddress().map(Address::toString).orElse("")));
            } else {
                out().line("🚚 Created convoy " + c.id() + ": " + c.title());
                out().line("  Tracking: " + (c.issues().isEmpty() ? "nothing yet (gt convoy add " + c.id()
                        + " ID...)" : String.join(", ", c.issues())));
                c.notifyAddress().ifPresent(a -> out().line("  Notify:   " + a));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code --notify} takes a value only when it is attached ({@code --notify=ops/}), as in the original. */
    static final class AttachedValueOnly implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec,
                Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                argSpec.setValue(Address.MAYOR.toString());
                return true;
            }
            return false;
        }
    }

    @Command(name = "add", description = "Track more issues in a convoy; a landed convoy reopens.")
    static final class Add extends GtCommand {
        @Parameters(index = "0", paramLabel = "CONVOY")
        String convoy;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID")
        List<String> ids = new ArrayList<>();

        @Override
        int execute() {
            boolean reopened = new Convoys(ledger()).track(convoy, ids);
            if (json()) {
                out().json(new JsonObject().put("convoy", convoy).put("added", strings(ids))
                        .put("reopened", reopened));
            } else {
                out().line("Added " + String.join(", ", ids) + " to " + convoy + (reopened ? " (it had landed;"
                        + " reopened)" : ""));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "A convoy's progress and tracked issues (status, assignee, the agent"
            + " working it); without CONVOY, every open convoy. CONVOY may be a number from gt convoy list.")
    static final class Status extends GtCommand {
        @Parameters(paramLabel = "CONVOY", arity = "0..1")
        String convoy;

        @Override
        int execute() {
            ConvoyQueries q = new ConvoyQueries(ledger());
            if (convoy != null) {
                Convoy c = q.get(convoy);
                if (json()) {
                    out().json(c.toJson());
                } else {
                    printStatus(c);
                }
                return ExitCodes.OK;
            }
            List<Convoy> open = q.open();
            if (json()) {
                out().json(array(open));
            } else if (open.isEmpty()) {
                out().line("No open convoys.");
            } else {
                for (int i = 0; i < open.size(); i++) {
                    if (i > 0) {
                        out().line("");
                    }
                    printStatus(open.get(i));
                }
            }
            return ExitCodes.OK;
        }

        private void printStatus(Convoy c) {
            out().line("🚚 " + c.id() + ": " + c.title());
            out().line("  Status:   " + (c.landed() ? "landed " + c.closedAt() : "open"));
            out().line("  Progress: " + c.completed() + "/" + c.total() + " done");
            if (!c.notifyAddress().isEmpty()) {
                out().line("  Notify:   " + c.notifyAddress());
            }
            if (!c.tracked().isEmpty()) {
                out().line("  Tracked:");
                c.tracked().forEach(t -> out().line("    " + line(t)));
            }
        }
    }

    @Command(name = "list", aliases = "ls", description = "Open convoys, numbered oldest first (the numbers gt"
            + " convoy status takes), with progress; --all adds the landed ones.")
    static final class ListConvoys extends GtCommand {
        @Option(names = {"-a", "--all"}, description = "Include landed convoys.")
        boolean all;

        @Override
        int execute() {
            ConvoyQueries q = new ConvoyQueries(ledger());
            List<Convoy> convoys = all ? q.all() : q.open();
            if (json()) {
                out().json(array(convoys));
                return ExitCodes.OK;
            }
            if (convoys.isEmpty()) {
                out().line(all ? "No convoys." : "No open convoys (gt convoy list --all shows landed ones).");
            }
            int n = 0;
            for (Convoy c : convoys) {
                String progress = "[" + c.completed() + "/" + c.total() + "]";
                out().line(c.landed() ? "   ✓ " + c.id() + ": " + c.title() + "  " + progress + " landed"
                        : String.format("%3d. 🚚 %s: %s  %s", ++n, c.id(), c.title(), progress));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", description = "Land every open convoy whose tracked issues are all closed (or only"
            + " CONVOY). Closing the last issue with bd close lands a convoy by itself; this catches the rest.")
    static final class Check extends GtCommand {
        @Parameters(paramLabel = "CONVOY", arity = "0..1")
        String convoy;

        @Override
        int execute() {
            ConvoyLanding landing = new ConvoyLanding(ledger());
            Convoy one = convoy == null ? null : new ConvoyQueries(ledger()).get(convoy);
            List<ConvoyLanding.Landed> landed = one == null ? landing.checkAll()
                    : landing.check(one.id()).stream().toList();
            if (json()) {
                JsonArray a = new JsonArray();
                landed.forEach(l -> a.add(new JsonObject().put("convoy", l.convoyId()).put("title", l.title())
                        .put("issues", strings(l.issues()))
                        .put("notify", l.notifyAddress().map(Address::toString).orElse(""))));
                out().json(a);
            } else if (landed.isEmpty()) {
                out().line(one == null ? "No convoy is ready to land." : notLanded(one));
            } else {
                landed.forEach(l -> out().line("🚚 Landed " + l.convoyId() + ": " + l.title()
                        + l.notifyAddress().map(a -> " (told " + a + ")").orElse("")));
            }
            return ExitCodes.OK;
        }

        private static String notLanded(Convoy c) {
            if (c.landed()) {
                return c.id() + " has already landed.";
            }
            if (c.total() == 0) {
                return c.id() + " tracks nothing yet, so it does not land (gt convoy add " + c.id() + " ID...)";
            }
            return c.id() + " did not land: " + (c.total() - c.completed()) + " of " + c.total()
                    + " tracked issues are not closed (gt convoy status " + c.id() + ")";
        }
    }

    @Command(name = "stranded", description = "Open convoys with ready work nobody holds: tracked issues that are"
            + " open, in progress or hooked, not blocked, and unassigned or held by an agent that is gone or dead.")
    static final class Stranded extends GtCommand {
        @Override
        int execute() {
            List<StrandedConvoy> stranded = new ConvoyQueries(ledger()).stranded();
            if (json()) {
                JsonArray a = new JsonArray();
                stranded.forEach(s -> a.add(s.toJson()));
                out().json(a);
                return ExitCodes.OK;
            }
            if (stranded.isEmpty()) {
                out().line("No stranded convoys.");
            }
            for (StrandedConvoy s : stranded) {
                out().line("🚚 " + s.convoy().id() + ": " + s.convoy().title() + "  (" + s.ready().size()
                        + " of " + s.convoy().total() + " tracked issues stranded)");
                for (StrandedConvoy.Issue i : s.ready()) {
                    TrackedIssue t = i.issue();
                    out().line("    " + t.id() + ": " + t.title() + "  [" + i.reason().key()
                            + (t.assignee().isEmpty() ? "" : " " + t.assignee()) + "]"
                            + (t.rig().isEmpty() ? "" : "  → gt sling " + t.id() + " " + t.rig()));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "dispatch", description = "Feed stranded convoys (the Deacon's patrol runs this): sling each"
            + " stranded issue of a rig to a fresh polecat and start it, once; an issue stranded again after that is"
            + " reported to its rig's Witness instead of being slung in a loop.")
    static final class Dispatch extends GtCommand {
        @Option(names = "--dry-run", description = "Say what would be done; change nothing.")
        boolean dryRun;

        @Override
        int execute() {
            WorkerWake wake = new WorkerWake(agentSessions(), ledger(), me(), out());
            List<ConvoyDispatch.Outcome> done = new ConvoyDispatch(ledger(), me(), new Sling(ledger(), formulas(),
                    me()), wake::wake).dispatch(dryRun);
            if (json()) {
                JsonArray a = new JsonArray();
                done.forEach(o -> a.add(o.toJson()));
                out().json(a);
            } else if (done.isEmpty()) {
                out().line("No stranded work.");
            }
            if (!json()) {
                done.forEach(o -> out().line(o.issue() + " (" + o.convoy() + "): " + o.action() + ", " + o.detail()));
            }
            return done.stream().anyMatch(o -> o.action().equals("failed")) ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /** One tracked issue: a glyph for its state, id, title, status and who has it. */
    static String line(TrackedIssue t) {
        if (t.status().equals(TrackedIssue.MISSING)) {
            return "✗ " + t.id() + ": (no store has it)";
        }
        String glyph = t.done() ? "✓" : t.status().equals("in_progress") || t.status().equals("hooked") ? "▶"
                : "○";
        String who = t.assignee().isEmpty() ? "unassigned" : t.assignee();
        Optional<String> worker = t.worker().isEmpty() || t.worker().equals(t.assignee()) ? Optional.empty()
                : Optional.of(t.worker());
        return glyph + " " + t.id() + ": " + t.title() + "  [" + t.status() + (t.blocked() ? ", blocked" : "")
                + ", " + who + "]" + worker.map(w -> "  worker " + w).orElse("");
    }

    static JsonArray array(List<Convoy> convoys) {
        JsonArray a = new JsonArray();
        convoys.forEach(c -> a.add(c.toJson()));
        return a;
    }

    static JsonArray strings(List<String> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }
}
