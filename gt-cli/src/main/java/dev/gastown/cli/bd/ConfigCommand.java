package dev.gastown.cli.bd;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.config.BeadsLocator;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.store.BeadsDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", description = "Read or set a key of .beads/config.yaml (comments are kept).",
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class})
final class ConfigCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: get or set");
    }

    @Command(name = "get", description = "Print a config value.")
    static final class Get extends BdCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        int execute() {
            BeadsDir dir = BeadsLocator.locate(env().env(), env().cwd());
            String value = BeadsConfig.load(dir).get(key);
            if (json()) {
                out().json(new JsonObject().put("key", key).put("value", value));
            } else {
                out().line(value);
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Set a top-level config key.")
    static final class Set extends BdCommand {
        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        int execute() {
            BeadsConfig.set(BeadsLocator.locate(env().env(), env().cwd()), key, value);
            if (json()) {
                out().json(new JsonObject().put("key", key).put("value", value));
            } else {
                out().line("✓ " + key + " = " + value);
            }
            return 0;
        }
    }
}
