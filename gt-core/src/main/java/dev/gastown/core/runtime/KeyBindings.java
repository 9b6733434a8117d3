package dev.gastown.core.runtime;

import dev.gastown.core.town.Town;
import dev.gastown.tmux.ShellQuote;
import dev.gastown.tmux.Tmux;
import java.nio.file.Path;

/**
 * Key bindings of the town's tmux server (which holds only the town's sessions, so they cannot clobber the user's
 * own bindings elsewhere): prefix+a opens the activity feed in a window, prefix+n / prefix+p switch to the next or
 * previous agent of the same group (the town's agents, a rig's witness and refinery, its polecats, its crew).
 */
final class KeyBindings {
    private KeyBindings() {
    }

    static void install(Tmux tmux, Town town, Path scriptsDir) {
        if (scriptsDir == null) {
            return;
        }
        String gt = "cd " + ShellQuote.word(town.root().toString()) + " && " + ShellQuote.word(
                scriptsDir.resolve("gt").toString());
        tmux.tryRun("bind-key", "-T", "prefix", "a", "new-window", "-n", "feed", gt + " feed --follow");
        tmux.tryRun("bind-key", "-T", "prefix", "n", "run-shell", gt
                + " agents cycle next --session '#{session_name}' --client '#{client_tty}'");
        tmux.tryRun("bind-key", "-T", "prefix", "p", "run-shell", gt
                + " agents cycle prev --session '#{session_name}' --client '#{client_tty}'");
    }
}
