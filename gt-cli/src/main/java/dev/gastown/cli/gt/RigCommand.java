package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSetup;
import dev.gastown.core.town.RigLayout;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rig", description = "Manage the town's rigs (one per git project).",
        subcommands = {RigCommand.Add.class, RigCommand.ListRigs.class, RigCommand.Remove.class,
                RigCommand.Status.class})
final class RigCommand extends GtCommand {
    @Override
    int execute() {
        spec.commandLine().usage(env().out());
        return ExitCodes.USAGE;
    }

    static JsonObject toJson(Rig rig) {
        return new JsonObject().put("name", rig.name()).put("git_url", rig.config().gitUrl())
                .put("default_branch", rig.config().defaultBranch()).put("prefix", rig.prefix())
                .put("path", rig.layout().root().toString());
    }

    @Command(name = "add", description = "Add a rig: a bare clone every worktree shares, the Mayor's clone, the"
            + " Refinery's worktree on the default branch, the rig's beads and their route.")
    static final class Add extends GtCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "GIT_URL")
        String url;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Beads id prefix (default: derived from"
                + " NAME).")
        String prefix;

        @Override
        int execute() {
            Rig rig = RigSetup.add(town(), name, url, prefix, me().toString());
            if (json()) {
                out().json(toJson(rig));
            } else {
                out().line("Added rig " + rig.name() + " (beads prefix " + rig.prefix() + "-, default branch "
                        + rig.config().defaultBranch() + ") at " + rig.layout().root());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", aliases = "ls", description = "The town's rigs.")
    static final class ListRigs extends GtCommand {
        @Override
        int execute() {
            List<Rig> rigs = Rig.all(town());
            if (json()) {
                JsonArray a = new JsonArray();
                rigs.forEach(r -> a.add(toJson(r)));
                out().json(a);
            } else if (rigs.isEmpty()) {
                out().line("No rigs yet: gt rig add NAME GIT_URL");
            } else {
                rigs.forEach(r -> out().line(String.format("%-16s %-6s %s", r.name(), r.prefix() + "-",
                        r.config().gitUrl())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", aliases = "rm", description = "Unregister a rig (its route and registry entry). Its"
            + " files, worktrees and beads stay on disk.")
    static final class Remove extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int execute() {
            RigLayout layout = RigSetup.remove(town(), name, me().toString());
            if (json()) {
                out().json(new JsonObject().put("removed", name).put("files_kept", layout.root().toString()));
            } else {
                out().line("Removed rig " + name + " from the town; its files are still at " + layout.root());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "One rig in detail.")
    static final class Status extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int execute() {
            Rig rig = Rig.load(town(), name);
            JsonObject o = toJson(rig).put("test_command", rig.settings().testCommand())
                    .put("target_branch", rig.settings().targetBranch());
            if (json()) {
                out().json(o);
            } else {
                o.entries().forEach(e -> out().line(String.format("%-15s %s", e.getKey(), e.getValue().toJson()
                        .replaceAll("^\"|\"$", ""))));
            }
            return ExitCodes.OK;
        }
    }
}
