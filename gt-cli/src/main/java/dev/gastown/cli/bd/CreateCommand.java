package dev.gastown.cli.bd;

import dev.gastown.beads.model.DependencyType;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.IssueType;
import dev.gastown.beads.ops.IssueFactory;
import dev.gastown.beads.ops.NewIssue;
import dev.gastown.beads.ops.Priorities;
import dev.gastown.cli.CliException;
import dev.gastown.cli.DateInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", aliases = "new", description = "Create an issue.")
final class CreateCommand extends BdCommand {
    @Parameters(arity = "0..1", paramLabel = "TITLE", description = "The title (or use --title).")
    String titleArg;

    @Option(names = "--title", paramLabel = "TITLE")
    String title;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", defaultValue = "task",
            description = "bug, feature, task, epic, chore, message, merge-request (mr), molecule (mol), gate, "
                    + "agent, role, convoy, event, slot. Default: task.")
    String type;

    @Option(names = {"-p", "--priority"}, paramLabel = "P", defaultValue = "2", description = "0-4 or P0-P4.")
    String priority;

    @Option(names = {"-d", "--description"}, paramLabel = "TEXT")
    String description;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Read the description from FILE (- for stdin).")
    String bodyFile;

    @Option(names = "--design", paramLabel = "TEXT")
    String design;

    @Option(names = "--acceptance", paramLabel = "TEXT")
    String acceptance;

    @Option(names = "--notes", paramLabel = "TEXT")
    String notes;

    @Option(names = {"-a", "--assignee"}, paramLabel = "WHO")
    String assignee;

    @Option(names = {"-l", "--labels"}, paramLabel = "LABELS", split = ",", description = "Comma-separated.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--id", paramLabel = "ID", description = "Use this id instead of a generated one.")
    String id;

    @Option(names = "--parent", paramLabel = "ID", description = "Create as a child (id PARENT.N).")
    String parent;

    @Option(names = "--deps", paramLabel = "DEPS", split = ",",
            description = "Dependencies, TYPE:ID or ID (blocks), comma-separated.")
    List<String> deps = new ArrayList<>();

    @Option(names = "--waits-for", paramLabel = "ID", description = "Wait for the children of ID (a spawner).")
    String waitsFor;

    @Option(names = "--waits-for-gate", paramLabel = "GATE", defaultValue = "all-children",
            description = "all-children or any-children.")
    String waitsForGate;

    @Option(names = "--ephemeral", description = "Create a wisp: stored locally, never exported.")
    boolean ephemeral;

    @Option(names = "--mol-type", paramLabel = "T", description = "swarm, patrol or work.")
    String molType;

    @Option(names = "--role-type", paramLabel = "ROLE")
    String roleType;

    @Option(names = "--agent-rig", paramLabel = "RIG")
    String rig;

    @Option(names = "--event-kind", paramLabel = "KIND")
    String eventKind;

    @Option(names = "--event-actor", paramLabel = "WHO")
    String eventActor;

    @Option(names = "--event-target", paramLabel = "WHAT")
    String eventTarget;

    @Option(names = "--event-payload", paramLabel = "JSON")
    String eventPayload;

    @Option(names = "--due", paramLabel = "WHEN")
    String due;

    @Option(names = "--defer", paramLabel = "WHEN", description = "Hide from bd ready until then.")
    String defer;

    @Option(names = {"-e", "--estimate"}, paramLabel = "MINUTES")
    Integer estimate;

    @Option(names = "--external-ref", paramLabel = "REF")
    String externalRef;

    @Option(names = "--force", description = "Allow an id outside the prefix and dependencies on unknown ids.")
    boolean force;

    @Option(names = "--silent", description = "Print only the new id.")
    boolean silent;

    @Override
    int execute() {
        String t = title != null ? title : titleArg;
        if (t == null) {
            throw new CliException("a title is required: bd create \"Title\"");
        }
        NewIssue spec = new NewIssue(t)
                .type(IssueType.parseUserInput(type).orElseThrow(() -> new CliException("invalid type \"" + type
                        + "\"")))
                .priority(Priorities.parse(priority))
                .description(bodyFile != null ? readBody() : description)
                .design(design).acceptance(acceptance).notes(notes).assignee(assignee)
                .labels(labels.stream().map(String::trim).filter(s -> !s.isEmpty()).toList())
                .id(id).parent(parent).ephemeral(ephemeral).molType(molType).roleType(roleType).rig(rig)
                .event(eventKind, eventActor, eventTarget, eventPayload)
                .due(due == null ? null : DateInput.parse(due))
                .defer(defer == null ? null : DateInput.parse(defer))
                .estimate(estimate).externalRef(externalRef).force(force);
        Issue created = store().write(tx -> {
            for (String dep : deps) {
                String d = dep.trim();
                if (d.isEmpty()) {
                    continue;
                }
                int colon = d.indexOf(':');
                boolean typed = colon > 0 && !d.startsWith("external:");
                String target = typed ? d.substring(colon + 1) : d;
                DependencyType dt = typed ? DependencyType.of(d.substring(0, colon)) : DependencyType.BLOCKS;
                spec.link(dt, target.startsWith("external:") || force ? target : resolve(tx, target));
            }
            if (waitsFor != null) {
                String gate = waitsForGate.trim();
                if (!gate.equals("all-children") && !gate.equals("any-children")) {
                    throw new CliException("invalid --waits-for-gate \"" + gate + "\" (all-children or any-children)");
                }
                spec.link(DependencyType.WAITS_FOR, resolve(tx, waitsFor), "{\"gate\":\"" + gate + "\"}");
            }
            if (parent != null) {
                spec.parent(resolve(tx, parent));
            }
            return IssueFactory.create(tx, context(), spec);
        });
        if (json()) {
            out().json(BdJson.issue(created));
        } else if (silent) {
            out().line(created.id());
        } else {
            out().line("✓ Created issue: " + created.id());
            out().line("  Title: " + created.title());
            out().line("  Priority: " + Display.priority(created.priority()));
            out().line("  Status: " + created.status().name());
        }
        return 0;
    }

    private String readBody() {
        try {
            byte[] bytes = bodyFile.equals("-") ? env().in().readAllBytes()
                    : Files.readAllBytes(env().cwd().resolve(bodyFile));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot read --body-file " + bodyFile + ": " + e.getMessage());
        }
    }
}
