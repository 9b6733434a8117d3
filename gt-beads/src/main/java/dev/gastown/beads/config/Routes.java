package dev.gastown.beads.config;

import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonWriter;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.Fsync;
import dev.gastown.beads.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prefix routing between stores: {@code routes.jsonl} in a top-level {@code .beads} maps an id prefix to the
 * directory (relative to the one holding that {@code .beads}) whose store owns the ids, one
 * {@code {"prefix":"ga-","path":"gastown"}} per line. A store below that directory finds the routes by walking up,
 * so {@code bd show hq-...} works from a rig's worktree and {@code bd show ga-...} from the town.
 */
public record Routes(Path base, List<Route> routes) {
    public static final String FILE_NAME = "routes.jsonl";

    /** One line of {@code routes.jsonl}. */
    public record Route(String prefix, String path) {
    }

    /** The routes that apply to {@code dir}: its own file, else the nearest one in an ancestor's {@code .beads}. */
    public static Routes near(BeadsDir dir) {
        for (Path p = dir.path(); p != null; p = p.getParent()) {
            Path file = p.getFileName() != null && p.getFileName().toString().equals(BeadsDir.DIR_NAME)
                    ? p.resolve(FILE_NAME) : p.resolve(BeadsDir.DIR_NAME).resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return load(file);
            }
        }
        return new Routes(dir.root(), List.of());
    }

    public static Routes load(Path file) {
        List<Route> routes = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject o = JsonParser.parseObject(line);
                routes.add(new Route(o.string("prefix"), o.string("path")));
            } catch (JsonException e) {
                throw new StoreException(file + ":" + lineNo + ": not a route: " + e.getMessage());
            }
        }
        return new Routes(file.getParent().getParent(), List.copyOf(routes));
    }

    /** The store that owns {@code id}, when a route's prefix matches it. */
    public Optional<BeadsDir> storeFor(String id) {
        Route best = null;
        for (Route r : routes) {
            if (id.startsWith(r.prefix()) && (best == null || r.prefix().length() > best.prefix().length())) {
                best = r;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new BeadsDir(BeadsLocator.followRedirect(
                        base.resolve(best.path()).normalize().resolve(BeadsDir.DIR_NAME))));
    }

    /** Adds or replaces the route for {@code prefix} in the {@code routes.jsonl} of {@code dir}. */
    public static void put(BeadsDir dir, String prefix, String path) {
        Path file = dir.path().resolve(FILE_NAME);
        List<Route> kept = new ArrayList<>();
        for (Route r : load(file).routes()) {
            if (!r.prefix().equals(prefix)) {
                kept.add(r);
            }
        }
        kept.add(new Route(prefix, path));
        write(file, kept);
    }

    /** Removes the route for {@code prefix}, if any. */
    public static void remove(BeadsDir dir, String prefix) {
        Path file = dir.path().resolve(FILE_NAME);
        write(file, load(file).routes().stream().filter(r -> !r.prefix().equals(prefix)).toList());
    }

    private static void write(Path file, List<Route> routes) {
        StringBuilder sb = new StringBuilder();
        for (Route r : routes) {
            sb.append(JsonWriter.compact(new JsonObject().put("prefix", r.prefix()).put("path", r.path())))
                    .append('\n');
        }
        Fsync.writeAtomically(file, sb.toString());
    }
}
