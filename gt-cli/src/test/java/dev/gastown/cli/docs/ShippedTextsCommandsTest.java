package dev.gastown.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.cli.CliEnv;
import dev.gastown.cli.bd.BdMain;
import dev.gastown.cli.bd.BdRoot;
import dev.gastown.cli.gt.GtMain;
import dev.gastown.cli.gt.GtRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code gt} and {@code bd} command that a shipped formula or role text tells an agent to run exists: an agent
 * that follows the text must never meet "unknown command". Commands are looked for in code (backticks, indented
 * lines, fenced blocks), where the texts put what is to be typed.
 */
class ShippedTextsCommandsTest {
    private static final Pattern COMMAND = Pattern.compile("(?<![\\w/.-])(gt|bd) ([a-z][a-z-]*)(?: ([a-z][a-z-]*))?");
    private static final Pattern BACKTICKS = Pattern.compile("`([^`]+)`");

    @Test
    void everyCommandTheShippedTextsNameExists() throws IOException {
        Map<String, CommandLine> roots = Map.of("gt", GtMain.launcher().full(new GtRoot(CliEnv.system())),
                "bd", BdMain.launcher().full(new BdRoot(CliEnv.system())));
        Path repo = repo();
        List<Path> texts = new ArrayList<>();
        try (Stream<Path> f = Files.list(repo.resolve("formulas"))) {
            f.filter(p -> p.toString().endsWith(".toml")).forEach(texts::add);
        }
        try (Stream<Path> f = Files.list(repo.resolve("gt-core/src/main/resources/roles"))) {
            f.forEach(texts::add);
        }
        List<String> unknown = new ArrayList<>();
        for (Path text : texts) {
            List<String> lines = Files.readAllLines(text);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                int lineNo = i + 1;
                for (String code : code(line, fenced)) {
                    Matcher m = COMMAND.matcher(code);
                    while (m.find()) {
                        missing(roots.get(m.group(1)), m.group(2), m.group(3)).ifPresent(what -> unknown.add(
                                repo.relativize(text) + ":" + lineNo + ": " + what));
                    }
                }
            }
        }
        assertThat(unknown).as("commands the shipped texts name but gt/bd do not have").isEmpty();
    }

    private static List<String> code(String line, boolean fenced) {
        if (fenced || line.startsWith("    ")) {
            return List.of(line);
        }
        List<String> out = new ArrayList<>();
        Matcher m = BACKTICKS.matcher(line);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static java.util.Optional<String> missing(CommandLine root, String first, String second) {
        CommandLine sub = root.getSubcommands().get(first);
        if (sub == null) {
            return java.util.Optional.of(root.getCommandName() + " " + first);
        }
        boolean takesWords = !sub.getCommandSpec().positionalParameters().isEmpty();
        if (second != null && !sub.getSubcommands().isEmpty() && !takesWords
                && !sub.getSubcommands().containsKey(second)) {
            return java.util.Optional.of(root.getCommandName() + " " + first + " " + second);
        }
        return java.util.Optional.empty();
    }

    private static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("formulas")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("formulas/ not found");
    }
}
