package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNull;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.GtException;
import dev.gastown.core.mq.Checkpoint;
import dev.gastown.core.mq.MergeEngine;
import dev.gastown.core.mq.MergeOutcome;
import dev.gastown.core.mq.MergeQueue;
import dev.gastown.core.mq.MergeRequest;
import dev.gastown.core.mq.Submitter;
import dev.gastown.core.rig.Rig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mq", aliases = "mr", description = "The merge queue: merge requests per rig, in the order the"
        + " Refinery merges them, and the merge engine itself (gt mq process).",
        subcommands = {MqCommand.Submit.class, MqCommand.ListQueue.class, MqCommand.Next.class,
            MqCommand.Status.class, MqCommand.Reject.class, MqCommand.Retry.class, MqCommand.Process.class})
final class MqCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    private static String line(MergeQueue.Entry e) {
        MergeRequest mr = e.mr();
        return String.format(Locale.ROOT, "%-12s %-8s %7.1f  P%d  retries=%d  %s -> %s  (%s, %s)%s", mr.id(),
                mr.state().key(), e.score(), mr.bead().priority(), mr.retryCount(), mr.branch(), mr.target(),
                mr.sourceIssue(), mr.worker().orElse("?"), mr.blockedBy().isEmpty() ? ""
                        : "  waits on " + String.join(", ", mr.blockedBy()));
    }

    @Command(name = "submit", description = "Queue the branch checked out here for merging (for crew and others; a"
            + " polecat finishes with gt done). Same checks: clean tree, new commits, pushed and seen on origin.")
    static final class Submit extends GtCommand {
        @Option(names = "--issue", paramLabel = "ID", description = "The issue the branch implements (default: your"
                + " hook's).")
        String issue;

        @Option(names = "--rig", paramLabel = "RIG", description = "The rig (default: yours).")
        String rig;

        @Override
        int execute() {
            Submitter.Submitted s = new Submitter(ledger()).submitFrom(me(), Optional.ofNullable(rig),
                    env().cwd(), Optional.ofNullable(issue));
            if (json()) {
                out().json(s.toJson());
            } else {
                out().line((s.reused() ? "Re-submitted " : "Submitted ") + s.branch() + " at " + s.sha() + " for "
                        + s.issue() + ": merge request " + s.mr().id() + " into " + s.target());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", aliases = "ls", description = "Open merge requests (of RIG, or every rig): ready ones"
            + " first in merge order, then blocked and failed ones.")
    static final class ListQueue extends GtCommand {
        @Parameters(paramLabel = "RIG", arity = "0..1")
        String rig;

        @Override
        int execute() {
            List<String> rigs = rig != null ? List.of(rig) : Rig.all(town()).stream().map(Rig::name).toList();
            MergeQueue queue = new MergeQueue(ledger());
            Instant now = Instant.now();
            List<MergeQueue.Entry> all = new ArrayList<>();
            rigs.forEach(r -> all.addAll(queue.list(r, now)));
            if (json()) {
                JsonArray a = new JsonArray();
                all.forEach(e -> a.add(e.toJson()));
                out().json(a);
            } else if (all.isEmpty()) {
                out().line("No open merge requests.");
            } else {
                all.forEach(e -> out().line(line(e)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "next", description = "The merge request gt mq process would take now (JSON null when none is"
            + " ready).")
    static final class Next extends GtCommand {
        @Parameters(paramLabel = "RIG")
        String rig;

        @Override
        int execute() {
            Optional<MergeQueue.Entry> next = new MergeQueue(ledger()).next(rig, Instant.now());
            if (json()) {
                out().json(next.<JsonValue>map(MergeQueue.Entry::toJson)
                        .orElse(JsonNull.INSTANCE));
            } else {
                out().line(next.map(MqCommand::line).orElse("No merge request is ready in " + rig + "."));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "One merge request in detail.")
    static final class Status extends GtCommand {
        @Parameters(paramLabel = "MR")
        String id;

        @Override
        int execute() {
            MergeRequest mr = new MergeQueue(ledger()).get(id);
            if (json()) {
                out().json(mr.toJson());
                return ExitCodes.OK;
            }
            out().line(mr.id() + "  " + mr.bead().title() + "  [" + mr.state().key() + "]");
            mr.toJson().entries().stream().filter(e -> !e.getKey().equals("id") && !e.getKey().equals("title"))
                    .forEach(e -> out().line(String.format("  %-18s %s", e.getKey() + ":", e.getValue())));
            return ExitCodes.OK;
        }
    }

    @Command(name = "reject", description = "Take a merge request out of the queue (closed as rejected). Its branch"
            + " is kept.")
    static final class Reject extends GtCommand {
        @Parameters(index = "0", paramLabel = "RIG")
        String rig;

        @Parameters(index = "1", paramLabel = "MR", description = "The request's id, or its branch.")
        String ref;

        @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", required = true, description = "Why.")
        String reason;

        @Option(names = "--notify", description = "Mail the worker (or the Witness, if the worker is gone).")
        boolean notify;

        @Override
        int execute() {
            MergeQueue.Rejection r = new MergeQueue(ledger()).reject(rig, ref, reason, notify);
            if (json()) {
                out().json(r.mr().toJson().put("notified", r.notified().map(Object::toString).orElse("")));
            } else {
                out().line("Rejected " + r.mr().id() + " (" + r.mr().branch() + ")" + r.notified()
                        .map(a -> "; told " + a).orElse(""));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "retry", description = "Put a merge request back in the queue: clears its last failure, stops it"
            + " waiting on its resolve task, reopens it if it was rejected.")
    static final class Retry extends GtCommand {
        @Parameters(index = "0", paramLabel = "RIG")
        String rig;

        @Parameters(index = "1", paramLabel = "MR", description = "The request's id, or its branch.")
        String ref;

        @Override
        int execute() {
            MergeRequest mr = new MergeQueue(ledger()).retry(rig, ref);
            if (json()) {
                out().json(mr.toJson());
            } else {
                out().line("Re-queued " + mr.id() + " (" + mr.branch() + "): " + mr.state().key());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "process", description = "The merge engine: take the next ready merge request of RIG, rebase its"
            + " branch onto the target, run the rig's test command, fast-forward and push the target, check origin,"
            + " close the request and its issue. Exit code by outcome: MERGED 0, EMPTY 10, CONFLICT 11, TESTS_FAILED"
            + " 12, BRANCH_MISSING 13, PUSH_FAILED 14. One merge at a time per rig.")
    static final class Process extends GtCommand {
        @Parameters(paramLabel = "RIG")
        String rig;

        @Option(names = "--all", description = "Go on until no request is ready (or a push fails); exits 0 when every"
                + " attempt merged, else with the first other outcome's code.")
        boolean all;

        @Option(names = "--test-timeout", paramLabel = "DURATION", description = "Longest the test command may run:"
                + " a number with s, m or h (default: 30m).")
        String testTimeout;

        @Override
        int execute() {
            MergeEngine engine = new MergeEngine(ledger(), testTimeout == null ? MergeEngine.DEFAULT_TEST_TIMEOUT
                    : duration(testTimeout), Checkpoint.NONE);
            Instant now = Instant.now();
            List<MergeEngine.Run> runs = all ? engine.processAll(rig, now) : List.of(engine.processNext(rig, now));
            if (json()) {
                if (all) {
                    JsonArray a = new JsonArray();
                    runs.forEach(r -> a.add(r.toJson()));
                    out().json(a);
                } else {
                    out().json(runs.get(0).toJson());
                }
            } else {
                for (MergeEngine.Run r : runs) {
                    r.resumed().forEach(id -> out().line("Finished the follow-up of " + id
                            + " (an earlier run was interrupted)"));
                    out().line(r.outcome().summary());
                }
            }
            if (!all) {
                return runs.get(0).outcome().kind().exitCode();
            }
            return runs.stream().map(r -> r.outcome().kind())
                    .filter(k -> k != MergeOutcome.Kind.MERGED && k != MergeOutcome.Kind.EMPTY)
                    .findFirst().map(MergeOutcome.Kind::exitCode).orElse(ExitCodes.OK);
        }

        private static Duration duration(String text) {
            String t = text.strip();
            if (!t.matches("[0-9]+[smh]")) {
                throw new GtException("--test-timeout takes a number with s, m or h (such as 90s or 30m), not \""
                        + text + "\"");
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
    }
}
