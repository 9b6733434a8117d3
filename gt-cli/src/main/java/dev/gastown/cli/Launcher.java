package dev.gastown.cli;

import dev.gastown.beads.store.StoreException;
import dev.gastown.tmux.TmuxException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds a picocli command line with only the subcommand the arguments name, so a call pays for the reflection of
 * one command class rather than all of them; {@code --help}, a bare call or an unknown word registers everything.
 * Maps failures to exit codes, and prints them as JSON under {@code --json}.
 */
public final class Launcher {
    private final Map<String, Class<?>> subcommands = new LinkedHashMap<>();
    private final Set<String> optionsWithValue;

    /** @param optionsWithValue root options that take a separate value ({@code --actor NAME}), to skip when scanning */
    public Launcher(Set<String> optionsWithValue) {
        this.optionsWithValue = optionsWithValue;
    }

    /**
     * Registers {@code type} under {@code name} and {@code aliases}, which must repeat its {@code @Command}'s (a test
     * checks): reading annotations is what costs, so only the invoked command's are read.
     */
    public Launcher add(String name, Class<?> type, String... aliases) {
        subcommands.put(name, type);
        for (String alias : aliases) {
            subcommands.put(alias, type);
        }
        return this;
    }

    /** Every registered name, alias included, with its class. */
    public Map<String, Class<?>> names() {
        return java.util.Collections.unmodifiableMap(subcommands);
    }

    public int run(Object root, String[] args, CliEnv env, JsonFlag json) {
        String name = subcommandName(args);
        Class<?> only = name == null ? null : subcommands.get(name);
        CommandLine cl;
        if (only != null) {
            cl = newCommandLine(root);
            cl.addSubcommand(only);
        } else {
            cl = isVersionRequest(args) ? newCommandLine(root) : full(root);
        }
        cl.setOut(new java.io.PrintWriter(env.out(), true));
        cl.setErr(new java.io.PrintWriter(env.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> report(ex, new Output(env, json.get()), env));
        return cl.execute(args);
    }

    /** A command line with every subcommand registered (help, docs, completion). */
    public CommandLine full(Object root) {
        CommandLine cl = newCommandLine(root);
        for (Class<?> type : all()) {
            cl.addSubcommand(type);
        }
        return cl;
    }

    private static CommandLine newCommandLine(Object root) {
        // picocli otherwise registers converters for java.sql and java.time types through reflection on every
        // start (initialising DriverManager and date formatters); no command takes such types.
        System.setProperty("picocli.converters.excludes", ".*");
        return new CommandLine(root);
    }

    /** Whether the root command's {@code --json} was given, read after parsing. */
    public interface JsonFlag {
        boolean get();
    }

    private static boolean isVersionRequest(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    private String subcommandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (optionsWithValue.contains(a)) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }

    static int report(Exception ex, Output out, CliEnv env) {
        if (ex instanceof CliException c) {
            out.error(c.getMessage());
            return c.exitCode();
        }
        if (ex instanceof StoreException || ex instanceof UncheckedIOException || ex instanceof TmuxException
                || ex instanceof IllegalArgumentException
                || ex instanceof dev.gastown.core.formula.FormulaException
                || ex instanceof dev.gastown.core.GtException) {
            out.error(ex.getMessage());
            return ExitCodes.FAILURE;
        }
        out.error("internal error: " + ex);
        if (!env.get("GT_DEBUG").isEmpty()) {
            ex.printStackTrace(env.err());
        }
        return ExitCodes.INTERNAL;
    }

    /** The command classes registered, for docs and completion. */
    public List<Class<?>> all() {
        return List.copyOf(new java.util.LinkedHashSet<>(subcommands.values()));
    }
}
