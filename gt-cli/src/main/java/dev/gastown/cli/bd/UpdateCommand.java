package dev.gastown.cli.bd;

import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.ops.IssueUpdate;
import dev.gastown.beads.ops.Priorities;
import dev.gastown.beads.ops.Updates;
import dev.gastown.cli.CliException;
import dev.gastown.cli.DateInput;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", description = "Change fields of issues.")
final class UpdateCommand extends BdCommand {
    @Parameters(arity = "1..*", paramLabel = "ID")
    List<String> ids;

    @Option(names = {"-s", "--status"}, paramLabel = "STATUS")
    String status;

    @Option(names = "--title", paramLabel = "TITLE")
    String title;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE")
    String type;

    @Option(names = {"-p", "--priority"}, paramLabel = "P")
    String priority;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO", description = "Empty string unassigns.")
    String assignee;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT")
    String description;

    @Option(names = "--notes", paramLabel = "TEXT")
    String notes;

    @Option(names = "--design", paramLabel = "TEXT")
    String design;

    @Option(names = "--acceptance", paramLabel = "TEXT")
    String acceptance;

    @Option(names = "--add-label", paramLabel = "LABEL", split = ",")
    List<String> addLabels = new ArrayList<>();

    @Option(names = "--remove-label", paramLabel = "LABEL", split = ",")
    List<String> removeLabels = new ArrayList<>();

    @Option(names = "--set-labels", paramLabel = "LABELS", split = ",", description = "Replace all labels.")
    List<String> setLabels;

    @Option(names = "--parent", paramLabel = "ID", description = "Move under ID; empty string removes the parent.")
    String parent;

    @Option(names = "--claim", description = "Take the issue: assignee = you, status = in_progress.")
    boolean claim;

    @Option(names = "--due", paramLabel = "WHEN", description = "Empty string clears it.")
    String due;

    @Option(names = "--defer", paramLabel = "WHEN", description = "Empty string clears it.")
    String defer;

    @Option(names = {"-e", "--estimate"}, paramLabel = "MINUTES")
    Integer estimate;

    @Option(names = "--external-ref", paramLabel = "REF")
    String externalRef;

    @Option(names = "--await-id", paramLabel = "ID")
    String awaitId;

    @Override
    int execute() {
        List<Issue> updated = store().write(tx -> {
            List<Issue> out = new ArrayList<>();
            for (String typed : ids) {
                String id = resolve(tx, typed);
                IssueUpdate u = new IssueUpdate().title(title).description(description).notes(notes).design(design)
                        .acceptance(acceptance).assignee(assignee).estimate(estimate).externalRef(externalRef)
                        .awaitId(awaitId);
                if (status != null) {
                    u.status(context().parseStatus(status));
                }
                if (type != null) {
                    u.type(IssueType.parseUserInput(type).orElseThrow(() ->
                            new CliException("invalid type \"" + type + "\"")));
                }
                if (priority != null) {
                    u.priority(Priorities.parse(priority));
                }
                addLabels.forEach(u::addLabel);
                removeLabels.forEach(u::removeLabel);
                if (setLabels != null) {
                    u.setLabels(setLabels);
                }
                if (parent != null) {
                    u.parent(parent.isBlank() ? "" : resolve(tx, parent));
                }
                if (claim) {
                    u.claim();
                }
                if (due != null) {
                    u.due(due.isBlank() ? null : DateInput.parse(due));
                }
                if (defer != null) {
                    u.defer(defer.isBlank() ? null : DateInput.parse(defer));
                }
                out.add(Updates.apply(tx, context(), id, u));
            }
            return out;
        });
        if (json()) {
            out().json(BdJson.issues(updated));
        } else {
            updated.forEach(i -> out().line("✓ Updated " + i.id() + ": " + i.title()));
        }
        if (status != null && context().parseStatus(status).equals(Status.CLOSED)) {
            ConvoyLandingHook.of(this).afterClose(updated.stream().map(Issue::id).toList())
                    .forEach(l -> out().line(ConvoyLandingHook.describe(l)));
        }
        return 0;
    }
}
