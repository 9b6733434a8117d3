package dev.gastown.core.work;

import java.util.Locale;

/** Where an agent's hooked work stands, which decides what it is told to do next. */
public enum HookState {
    /** Nothing (unfinished) on the hook. */
    EMPTY,
    /** A bead on the hook with no molecule driving it: the bead itself is the work. */
    BEAD,
    /** A step of the molecule is in progress. */
    WORKING,
    /** No step is in progress and one is ready to start. */
    READY,
    /** Steps remain open but none is ready: they wait on something outside the molecule. */
    WAITING,
    /** Every step is closed. */
    COMPLETE;

    public static HookState of(HookView view) {
        if (view.hooked().isEmpty() || view.hooked().get().complete()) {
            return EMPTY;
        }
        if (view.progress().isEmpty()) {
            return BEAD;
        }
        HookView.Progress p = view.progress().get();
        if (p.current().isPresent()) {
            return WORKING;
        }
        if (p.next().isPresent()) {
            return READY;
        }
        return p.done() == p.total() ? COMPLETE : WAITING;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
