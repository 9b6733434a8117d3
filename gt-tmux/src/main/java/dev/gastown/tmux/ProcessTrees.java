package dev.gastown.tmux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stops a process and everything it started: TERM to the deepest descendants first, then the process itself, a
 * grace period, then KILL for whatever is left. Never signals the calling process or any of its ancestors, so a
 * command run from inside an agent's session can stop that session.
 */
public final class ProcessTrees {
    private ProcessTrees() {
    }

    /** Returns the pids that were still alive after the grace period and had to be killed. */
    public static List<Long> stop(long rootPid, Duration grace) {
        Optional<ProcessHandle> root = ProcessHandle.of(rootPid);
        if (root.isEmpty()) {
            return List.of();
        }
        Set<Long> protectedPids = selfAndAncestors();
        List<ProcessHandle> victims = new ArrayList<>();
        collect(root.get(), victims);
        victims.removeIf(p -> protectedPids.contains(p.pid()));
        victims.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && victims.stream().anyMatch(ProcessHandle::isAlive)) {
            Pause.millis(50);
        }
        List<Long> killed = new ArrayList<>();
        for (ProcessHandle p : victims) {
            if (p.isAlive()) {
                killed.add(p.pid());
                p.destroyForcibly();
            }
        }
        return killed;
    }

    /** Post-order: every process after its descendants, so none is orphaned before it is signalled. */
    private static void collect(ProcessHandle p, List<ProcessHandle> out) {
        p.children().forEach(c -> collect(c, out));
        out.add(p);
    }

    private static Set<Long> selfAndAncestors() {
        Set<Long> pids = new HashSet<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            pids.add(p.get().pid());
        }
        return pids;
    }
}
