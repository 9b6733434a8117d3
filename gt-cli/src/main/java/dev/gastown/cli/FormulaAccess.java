package dev.gastown.cli;

import dev.gastown.core.formula.FormulaCooker;
import dev.gastown.core.formula.FormulaLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The formula search path as a command sees it (its project, $HOME, $GT_ROOT, the shipped formulas). */
public final class FormulaAccess {
    private FormulaAccess() {
    }

    /** The library for a command run in {@code env}; {@code projectDir} is the directory holding .beads. */
    public static FormulaLibrary library(CliEnv env, Path projectDir) {
        String home = env.get("HOME");
        return FormulaLibrary.standard(projectDir, home.isEmpty() ? null : Path.of(home), env.get("GT_ROOT"));
    }

    public static FormulaCooker cooker(CliEnv env, Path projectDir) {
        return new FormulaCooker(library(env, projectDir));
    }

    /** A formula argument: a name on the search path, or a path (relative to the working directory) to a file. */
    public static String nameOrPath(CliEnv env, String arg) {
        Path asPath = env.cwd().resolve(arg);
        boolean looksLikePath = arg.contains("/") || arg.endsWith(".toml") || arg.endsWith(".json");
        return looksLikePath && Files.isRegularFile(asPath) ? asPath.toString() : arg;
    }

    /** {@code --var k=v} options, in order; a malformed one is a usage error. */
    public static Map<String, String> vars(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--var wants NAME=VALUE, got \"" + a + "\"", ExitCodes.USAGE);
            }
            out.put(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return out;
    }
}
