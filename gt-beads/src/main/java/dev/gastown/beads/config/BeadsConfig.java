package dev.gastown.beads.config;

import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.CompactionPolicy;
import dev.gastown.beads.store.Fsync;
import dev.gastown.beads.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A store's {@code config.yaml}. Reading tolerates a missing file. {@link #set} edits one top-level key in place and
 * keeps every comment and every other line as it was.
 */
public final class BeadsConfig {
    public static final String ISSUE_PREFIX = "issue-prefix";
    public static final String CUSTOM_STATUSES = "status.custom";
    public static final String EXTERNAL_PROJECTS = "external_projects";
    public static final String SYNC_BRANCH = "sync-branch";
    public static final String INLINE_MAX_BYTES = "compaction.inline-max-bytes";
    public static final String JOURNAL_MAX_CHANGES = "compaction.journal-max-changes";
    public static final String JOURNAL_MAX_BYTES = "compaction.journal-max-bytes";

    private final Path file;
    private final Map<String, Object> values;

    private BeadsConfig(Path file, Map<String, Object> values) {
        this.file = file;
        this.values = values;
    }

    public static BeadsConfig load(BeadsDir dir) {
        Path file = dir.configYaml();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new BeadsConfig(file, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return new BeadsConfig(file, SimpleYaml.parse(text));
        } catch (IllegalArgumentException e) {
            throw new StoreException(file + ": " + e.getMessage());
        }
    }

    /** A scalar, looked up by a flat key or by a dotted path into nested maps; empty when absent. */
    public String get(String key) {
        Object v = values.get(key);
        if (v == null && key.contains(".")) {
            Object node = values;
            for (String part : key.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            v = node;
        }
        return v instanceof String s ? s : "";
    }

    /** A nested map of scalars (for {@code external_projects}); empty when absent. */
    public Map<String, String> map(String key) {
        Object v = values.get(key);
        if (!(v instanceof Map<?, ?> m)) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, val) -> {
            if (val instanceof String s) {
                out.put(String.valueOf(k), s);
            }
        });
        return out;
    }

    public String issuePrefix() {
        return get(ISSUE_PREFIX);
    }

    /** When commits are folded into the JSONL files (see {@link CompactionPolicy}); defaults where not set. */
    public CompactionPolicy compactionPolicy() {
        CompactionPolicy d = CompactionPolicy.DEFAULT;
        return new CompactionPolicy(number(INLINE_MAX_BYTES, d.inlineBytes()),
                (int) number(JOURNAL_MAX_CHANGES, d.maxJournalOps()), number(JOURNAL_MAX_BYTES, d.maxJournalBytes()),
                d.directOps());
    }

    private long number(String key, long fallback) {
        String v = get(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new StoreException(file + ": " + key + " must be a whole number, got \"" + v + "\"");
        }
    }

    /** Statuses configured beyond the built-in ones (comma-separated in config). */
    public List<String> customStatuses() {
        String raw = get(CUSTOM_STATUSES);
        return raw.isBlank() ? List.of()
                : Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Sets a top-level key, replacing its line if present and appending otherwise. */
    public static void set(BeadsDir dir, String key, String value) {
        Path file = dir.configYaml();
        List<String> lines;
        try {
            lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String rendered = key + ": " + quote(value);
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(key + ":")) {
                lines.set(i, rendered);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            lines.add(rendered);
        }
        Fsync.writeAtomically(file, String.join("\n", lines) + "\n");
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
