package dev.gastown.cli.bd;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.Launcher;
import java.util.Set;

/** Entry point of the {@code bd} launcher. */
public final class BdMain {
    private BdMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnv.system()));
    }

    public static int run(String[] args, CliEnv env) {
        BdRoot root = new BdRoot(env);
        return launcher().run(root, args, env, () -> root.json);
    }

    /** Every {@code bd} subcommand. */
    public static Launcher launcher() {
        return new Launcher(Set.of("--actor", "--session"))
                .add("init", InitCommand.class)
                .add("create", CreateCommand.class, "new")
                .add("show", ShowCommand.class, "view")
                .add("list", ListCommand.class, "ls")
                .add("update", UpdateCommand.class)
                .add("close", CloseCommand.class)
                .add("reopen", ReopenCommand.class)
                .add("delete", DeleteCommand.class)
                .add("ready", ReadyCommand.class)
                .add("blocked", BlockedCommand.class)
                .add("dep", DepCommand.class)
                .add("label", LabelCommand.class)
                .add("comments", CommentsCommand.class, "comment")
                .add("stats", StatsCommand.class)
                .add("export", ExportCommand.class)
                .add("import", ImportCommand.class)
                .add("sync", SyncCommand.class)
                .add("merge", MergeCommand.class)
                .add("cook", CookCommand.class)
                .add("formula", FormulaCommand.class, "formulas")
                .add("mol", MolCommand.class, "molecule")
                .add("flush", FlushCommand.class)
                .add("doctor", DoctorCommand.class)
                .add("agent", AgentCommand.class)
                .add("slot", SlotCommand.class)
                .add("config", ConfigCommand.class);
    }
}
