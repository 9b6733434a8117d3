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
                .add("agent", AgentCommand.class)
                .add("nudge", NudgeCommand.class)
                .add("peek", PeekCommand.class)
                .add("mayor", MayorCommand.class)
                .add("deacon", DeaconCommand.class)
                .add("witness", WitnessCommand.class)
                .add("refinery", RefineryCommand.class)
                .add("agents", AgentsCommand.class)
                .add("handoff", HandoffCommand.class)
                .add("seance", SeanceCommand.class)
                .add("mail", MailCommand.class)
                .add("escalate", EscalateCommand.class)
                .add("feed", FeedCommand.class)
                .add("status", StatusCommand.class, "stat")
                .add("doctor", DoctorCommand.class)
                .add("convoy", ConvoyCommand.class)
                .add("formula", FormulaCommand.class, "formulas")
                .add("mol", MolCommand.class, "molecule")
                .add("prime", PrimeCommand.class)
                .add("crew", CrewCommand.class)
                .add("daemon", DaemonCommand.class)
                .add("up", UpCommand.class)
                .add("down", DownCommand.class)
                .add("start", StartCommand.class)
                .add("shutdown", ShutdownCommand.class)
                .add("boot", BootCommand.class)
                .add("dog", DogCommand.class, "dogs")
                .add("patrol", PatrolCommand.class)
                .add("done", DoneCommand.class)
                .add("mq", MqCommand.class, "mr");
    }
}
