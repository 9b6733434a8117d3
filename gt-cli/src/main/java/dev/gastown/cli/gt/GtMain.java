package dev.gastown.cli.gt;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.Launcher;
import java.util.Set;

/** Entry point of the {@code gt} launcher. */
public final class GtMain {
    private GtMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnv.system()));
    }

    public static int run(String[] args, CliEnv env) {
        GtRoot root = new GtRoot(env);
        return launcher().run(root, args, env, () -> root.json);
    }

    /** Every {@code gt} subcommand. */
    public static Launcher launcher() {
        return new Launcher(Set.of())
                .add("install", InstallCommand.class)
                .add("rig", RigCommand.class)
                .add("whoami", WhoamiCommand.class)
                .add("sling", SlingCommand.class)
                .add("unsling", UnslingCommand.class, "unhook")
                .add("hook", HookCommand.class)
                .add("polecat", PolecatCommand.class, "polecats")
                .add("done", DoneCommand.class)
                .add("mq", MqCommand.class, "mr");
    }
}
