package dev.gastown.beads.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real data in {@code ../shared/corpora}, found by walking up from the working directory. */
public final class Corpora {
    private Corpora() {
    }

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("corpora");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/corpora not found above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code issues.jsonl} in the corpora. */
    public static List<Path> issueFiles() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.map(d -> d.resolve("issues.jsonl")).filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
