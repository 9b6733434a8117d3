package dev.gastown.cli.bench;

import dev.gastown.beads.config.BeadsLocator;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/bench/beads}: median wall time of {@code bd show}, {@code bd close} and {@code bd ready --json} on
 * synthetic stores of several sizes, each next to a bare JVM start, through the real launcher.
 * Usage: BeadsBench BD_LAUNCHER HELLO_CLASSPATH WORKDIR RUNS SIZE...
 */
public final class BeadsBench {
    private BeadsBench() {
    }

    public static void main(String[] args) throws Exception {
        String bd = args[0];
        String helloCp = args[1];
        Path work = Path.of(args[2]);
        int runs = Integer.parseInt(args[3]);
        System.out.printf("%-8s %-22s %10s %10s   %s%n", "issues", "command", "median ms", "p90 ms", "hello-world ms");
        for (int a = 4; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Path root = work.resolve("store-" + n);
            if (!Files.exists(root.resolve(".beads/issues.jsonl"))) {
                SyntheticStore.write(root, n);
            }
            List<String> open = openIssues(root);
            if (open.size() < runs + 3) {
                throw new IllegalStateException("store-" + n + " has too few open issues; delete it to regenerate");
            }
            CommandTimer.Timing hello = CommandTimer.time(root, 3, runs,
                    i -> List.of("java", "-cp", helloCp, Hello.class.getName()));
            report(n, "bd show", CommandTimer.time(root, 3, runs, i -> List.of(bd, "show", open.get(i))), hello);
            report(n, "bd ready --json", CommandTimer.time(root, 3, runs, i -> List.of(bd, "ready", "--json")), hello);
            report(n, "bd close", CommandTimer.time(root, 2, runs,
                    i -> List.of(bd, "close", open.get(i), "--reason", "bench")), hello);
            // Leave the store as it was: reopen what was closed (not timed).
            for (int i = 0; i < runs + 2; i++) {
                CommandTimer.run(root, List.of(bd, "reopen", open.get(i)));
            }
            CommandTimer.run(root, List.of(bd, "flush", "--quiet"));
        }
    }

    private static List<String> openIssues(Path root) {
        Store store = Store.open(BeadsLocator.locate(Map.of(), root));
        return store.read(view -> {
            List<String> out = new ArrayList<>();
            view.forEachActive((IssueRow r) -> {
                if (r.status().equals(Status.OPEN) && out.size() < 200) {
                    out.add(r.id());
                }
            });
            return out;
        });
    }

    private static void report(int n, String what, CommandTimer.Timing t, CommandTimer.Timing hello) {
        System.out.printf("%-8d %-22s %10.1f %10.1f   %.1f%n", n, what, t.median(), t.p90(), hello.median());
    }
}
