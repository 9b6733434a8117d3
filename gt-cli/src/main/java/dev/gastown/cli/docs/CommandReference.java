package dev.gastown.cli.docs;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.bd.BdMain;
import dev.gastown.cli.bd.BdRoot;
import dev.gastown.cli.gt.GtMain;
import dev.gastown.cli.gt.GtRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Renders the command reference in {@code docs/} from the picocli model itself: every command and subcommand with
 * its usage help. {@code scripts/gen-docs} writes the files; a test fails when they are out of date.
 */
public final class CommandReference {
    private CommandReference() {
    }

    public static void main(String[] args) throws IOException {
        Path docs = Path.of(args.length > 0 ? args[0] : "docs");
        Files.writeString(docs.resolve("bd-commands.md"), bd(), StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("gt-commands.md"), gt(), StandardCharsets.UTF_8);
    }

    public static String bd() {
        return render("bd", "The bd command set",
                "Generated from the picocli model by `scripts/gen-docs`; a test keeps it in step with the code. "
                        + "Every command accepts the global options `--json`, `--actor NAME` and `--session ID`.",
                BdMain.launcher().full(new BdRoot(CliEnv.system())));
    }

    public static String gt() {
        return render("gt", "The gt command set",
                "Generated from the picocli model by `scripts/gen-docs`; a test keeps it in step with the code.",
                GtMain.launcher().full(new GtRoot(CliEnv.system())));
    }

    private static String render(String name, String title, String intro, CommandLine root) {
        root.setUsageHelpWidth(100);
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n").append(intro).append("\n\n");
        sb.append("## Contents\n\n");
        appendToc(root, sb, 0);
        sb.append('\n');
        appendCommand(root, sb, 2);
        return sb.toString();
    }

    private static void appendToc(CommandLine cl, StringBuilder sb, int depth) {
        for (CommandLine sub : cl.getSubcommands().values().stream().distinct().toList()) {
            String full = sub.getCommandSpec().qualifiedName();
            sb.append("  ".repeat(depth)).append("- [`").append(full).append("`](#")
                    .append(full.replace(' ', '-')).append(")\n");
            appendToc(sub, sb, depth + 1);
        }
    }

    private static void appendCommand(CommandLine cl, StringBuilder sb, int level) {
        String full = cl.getCommandSpec().qualifiedName();
        sb.append("#".repeat(Math.min(level, 6))).append(" ").append(full).append("\n\n```\n");
        sb.append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
        for (CommandLine sub : cl.getSubcommands().values().stream().distinct().toList()) {
            appendCommand(sub, sb, level + 1);
        }
    }
}
