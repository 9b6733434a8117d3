package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.rig.RigSetup;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.TownLock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rig", description = "Manage the town's rigs (one per git project).",
        subcommands = {RigCommand.Add.class, RigCommand.ListRigs.class, RigCommand.Remove.class,
                RigCommand.Status.class, RigCommand.Config.class})
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

    @Command(name = "config", description = "Set a rig's merge settings (settings/config.json in the rig), then show"
            + " them: the test command the merge engine and polecats run, and the branch merges go to.")
    static final class Config extends GtCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--test-command", paramLabel = "CMD", description = "Shell command that must pass before a"
                + " merge ('' for none).")
        String testCommand;

        @Option(names = "--target", paramLabel = "BRANCH", description = "The branch merges go to.")
        String target;

        @Override
        int execute() {
            Rig rig = Rig.load(town(), name);
            RigSettings settings = rig.settings();
            if (testCommand != null) {
                settings = settings.withTestCommand(testCommand);
            }
            if (target != null) {
                if (!new GitCli(town().root()).run("check-ref-format", "--branch", target).ok()) {
                    throw new CliException("not a valid branch name: \"" + target + "\"", ExitCodes.USAGE);
                }
                settings = settings.withTargetBranch(target);
            }
            if (testCommand != null || target != null) {
                try (StoreLock.Held lock = TownLock.town(town())) {
                    settings.write(rig.layout());
                }
            }
            RigSettings now = Rig.load(town(), name).settings();
            JsonObject o = new JsonObject().put("rig", name).put("test_command", now.testCommand())
                    .put("target_branch", now.targetBranch());
            if (json()) {
                out().json(o);
            } else {
                out().line("test_command   " + now.testCommand());
                out().line("target_branch  " + now.targetBranch());
            }
            return ExitCodes.OK;
        }
    }
}
