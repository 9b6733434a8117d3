package dev.gastown.core.formula;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds formulas by name in an ordered list of directories; the first directory holding {@code <name>.formula.toml}
 * or {@code <name>.formula.json} wins, TOML before JSON. The standard order is the project's
 * {@code .beads/formulas}, {@code ~/.beads/formulas}, the town's {@code $GT_ROOT/.beads/formulas}, then the formulas
 * shipped on the classpath under {@code formulas/}. Parsed files are cached for the library's lifetime.
 */
public final class FormulaLibrary {
    /** The classpath directory holding the formulas the product ships. */
    public static final String CLASSPATH_DIR = "formulas";

    /** One search directory: {@code label} says which (project, user, town, builtin, or a path given by the caller). */
    public record Root(String label, Path dir) {
    }

    /** A formula found in the library, with the file and the root it came from. */
    public record Entry(String name, Path file, Root root) {
    }

    private final List<Root> roots;
    private final Map<Path, Formula> parsed = new HashMap<>();

    public FormulaLibrary(List<Root> roots) {
        this.roots = List.copyOf(roots);
    }

    /** A library over plain directories, searched in the given order (labels are the paths). */
    public static FormulaLibrary of(Path... dirs) {
        List<Root> roots = new ArrayList<>();
        for (Path d : dirs) {
            roots.add(new Root(d.toString(), d));
        }
        return new FormulaLibrary(roots);
    }

    /**
     * The standard search path: {@code <project>/.beads/formulas}, {@code <home>/.beads/formulas},
     * {@code <gtRoot>/.beads/formulas} (skipped when {@code gtRoot} is null or empty), then the classpath.
     */
    public static FormulaLibrary standard(Path projectDir, Path homeDir, String gtRoot) {
        List<Root> roots = new ArrayList<>();
        roots.add(new Root("project", projectDir.resolve(".beads").resolve("formulas")));
        if (homeDir != null) {
            roots.add(new Root("user", homeDir.resolve(".beads").resolve("formulas")));
        }
        if (gtRoot != null && !gtRoot.isEmpty()) {
            roots.add(new Root("town", Path.of(gtRoot).resolve(".beads").resolve("formulas")));
        }
        classpathRoot(FormulaLibrary.class.getClassLoader()).ifPresent(roots::add);
        return new FormulaLibrary(roots);
    }

    /** {@link #standard} for the current directory, {@code user.home} and {@code $GT_ROOT}. */
    public static FormulaLibrary fromEnvironment() {
        return standard(Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")),
                System.getenv("GT_ROOT"));
    }

    /** The classpath {@code formulas/} directory as a root labelled {@code builtin}, when it exists. */
    public static Optional<Root> classpathRoot(ClassLoader loader) {
        URL url = loader.getResource(CLASSPATH_DIR);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return Optional.of(new Root("builtin", fs.provider().getPath(uri)));
            }
            return Optional.of(new Root("builtin", Path.of(uri)));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the built-in formulas at " + url, e);
        }
    }

    public List<Root> roots() {
        return roots;
    }

    /** The formula file {@code name} resolves to, if any root has one. */
    public Optional<Entry> find(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            return Optional.empty();
        }
        for (Root root : roots) {
            for (String ext : FormulaParser.EXTENSIONS) {
                Path file = root.dir().resolve(name + ext);
                if (Files.isRegularFile(file)) {
                    return Optional.of(new Entry(name, file, root));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Loads a formula by name from the search path, or else as a path to a formula file (as {@code bd cook} does).
     *
     * @throws FormulaException NOT_FOUND when neither works, or any parse error
     */
    public Formula load(String nameOrPath) {
        Optional<Entry> entry = find(nameOrPath);
        if (entry.isPresent()) {
            return parseCached(entry.get().file());
        }
        Path file = Path.of(nameOrPath);
        if (Files.isRegularFile(file)) {
            return parseCached(file.toAbsolutePath().normalize());
        }
        String searched = roots.stream().map(r -> r.dir().toString()).collect(Collectors.joining(", "));
        throw new FormulaException(FormulaException.Kind.NOT_FOUND, nameOrPath, 0, null,
                "formula not found (searched " + (searched.isEmpty() ? "no directories" : searched) + ")");
    }

    /** Every formula visible through the search path, sorted by name; a name shadowed by an earlier root is left out. */
    public List<Entry> list() {
        Map<String, Entry> byName = new TreeMap<>();
        for (Root root : roots) {
            if (!Files.isDirectory(root.dir())) {
                continue;
            }
            try (Stream<Path> files = Files.list(root.dir())) {
                for (Path file : files.sorted().toList()) {
                    String name = formulaName(file);
                    if (name != null && !byName.containsKey(name)) {
                        // TOML before JSON within one root: find() decides which file of the name wins.
                        byName.put(name, find(name).filter(e -> e.root().equals(root))
                                .orElse(new Entry(name, file, root)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(byName.values());
    }

    private static String formulaName(Path file) {
        String fileName = file.getFileName().toString();
        for (String ext : FormulaParser.EXTENSIONS) {
            if (fileName.endsWith(ext) && fileName.length() > ext.length()) {
                return fileName.substring(0, fileName.length() - ext.length());
            }
        }
        return null;
    }

    private Formula parseCached(Path file) {
        Formula f = parsed.get(file);
        if (f == null) {
            f = FormulaParser.parse(file);
            parsed.put(file, f);
        }
        return f;
    }
}
