package dev.gastown.beads.ops;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.CorruptLineException;
import dev.gastown.beads.store.JsonlLines;
import dev.gastown.beads.store.Store;
import dev.gastown.beads.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bd doctor}: reads every line of both JSONL files (reporting all bad ones, not just the first), checks the
 * journal and the index, notes rows that break the original's own invariants (real data does; they are kept), and
 * checks the git merge driver. With {@code fix} it rebuilds the index and folds the journal in, once the JSONL files
 * are readable.
 */
public final class Doctor {
    private Doctor() {
    }

    /** How bad a finding is. Errors make {@code bd doctor} exit non-zero. */
    public enum Severity { ERROR, WARNING, INFO }

    /** One finding; {@code fixed} when {@code --fix} repaired it. */
    public record Finding(Severity severity, String check, String message, boolean fixed) {
    }

    public static List<Finding> examine(BeadsDir dir, boolean fix) {
        List<Finding> out = new ArrayList<>();
        try {
            if (BeadsConfig.load(dir).issuePrefix().isEmpty()) {
                out.add(new Finding(Severity.WARNING, "config", "no issue-prefix in " + dir.configYaml()
                        + "; new issues cannot get ids", false));
            }
        } catch (StoreException e) {
            out.add(new Finding(Severity.ERROR, "config", e.getMessage(), false));
        }
        boolean readable = checkLines(dir.issuesJsonl(), out) & checkLines(dir.wispsJsonl(), out);
        Store store = Store.open(dir);
        if (readable) {
            checkWorkingFiles(store, fix, out);
            checkInvariants(store, out);
        } else {
            out.add(new Finding(Severity.ERROR, "store", "fix the lines above first; nothing is written until "
                    + "then (bd import can load a corrected copy)", false));
        }
        checkGit(dir, out);
        return out;
    }

    private static boolean checkLines(Path file, List<Finding> out) {
        Map<String, Integer> seen = new HashMap<>();
        int[] bad = {0};
        JsonlLines.forEach(file, (number, offset, length, text) -> {
            if (JsonlLines.isBlank(text)) {
                return;
            }
            try {
                Issue i = JsonlLines.parse(file, number, text);
                Integer earlier = seen.putIfAbsent(i.id(), number);
                if (earlier != null) {
                    throw new CorruptLineException(file, number, "duplicate id " + i.id()
                            + " (also on line " + earlier + ")");
                }
            } catch (CorruptLineException e) {
                bad[0]++;
                out.add(new Finding(Severity.ERROR, "jsonl", e.getMessage(), false));
            }
        });
        return bad[0] == 0;
    }

    private static void checkWorkingFiles(Store store, boolean fix, List<Finding> out) {
        Store.Health h = store.health();
        if (!h.indexCurrent()) {
            if (fix) {
                store.rebuildIndex();
            }
            out.add(new Finding(Severity.INFO, "index", "index missing or stale (it is rebuilt on next use)", fix));
        }
        if (h.journalTornTail()) {
            out.add(new Finding(Severity.WARNING, "journal", "journal ends in an incomplete record from an "
                    + "interrupted write; it is ignored and cut off by the next write", fix));
        }
        if (h.journalAgainstOtherFiles()) {
            out.add(new Finding(Severity.WARNING, "journal", "journal predates a change to issues.jsonl made "
                    + "outside bd (git pull?); its changes apply where newer", fix));
        }
        if (h.journalChanges() > 0 || h.journalTornTail()) {
            if (fix) {
                store.compact();
            }
            out.add(new Finding(Severity.INFO, "journal", h.journalChanges()
                    + " change(s) not yet folded into issues.jsonl (bd flush does it)", fix));
        }
    }

    private static void checkInvariants(Store store, List<Finding> out) {
        store.read(view -> {
            int[] dangling = {0};
            Set<String> reported = new HashSet<>();
            view.forEachIssue(row -> {
                for (var e : row.summary().edges()) {
                    if (!e.target().startsWith("external:") && !view.contains(e.target())) {
                        dangling[0]++;
                    }
                }
                if (row.status().equals(Status.CLOSED) && reported.size() < 20) {
                    Issue i = view.get(row.id());
                    if (i.deletedAt() != null && reported.add(i.id())) {
                        out.add(new Finding(Severity.INFO, "invariants", i.id()
                                + " is closed but carries deletion fields (kept as is)", false));
                    }
                }
            });
            if (dangling[0] > 0) {
                out.add(new Finding(Severity.INFO, "dependencies", dangling[0]
                        + " dependencies point at issues not in this store (kept; they never block)", false));
            }
            return null;
        });
    }

    private static void checkGit(BeadsDir dir, List<Finding> out) {
        Path repo = GitCli.workTreeRoot(dir.root());
        if (repo == null) {
            return;
        }
        GitCli.Result r = new GitCli(repo).run("config", "--get", "merge.beads.driver");
        if (!r.ok() || r.out().isEmpty()) {
            out.add(new Finding(Severity.WARNING, "git", "the beads merge driver is not configured in " + repo
                    + " (bd init sets it up)", false));
        }
    }
}
