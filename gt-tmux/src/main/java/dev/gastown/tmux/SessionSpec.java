package dev.gastown.tmux;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start an agent's session: its name, working directory, environment, the agent's argv (run as the pane's
 * first process, never typed into a shell), and environment variables to remove (so a nested agent CLI does not
 * inherit its parent's markers).
 */
public record SessionSpec(String name, Path workdir, Map<String, String> env, List<String> command,
        List<String> unsetEnv) {

    public SessionSpec {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("bad session name: " + name);
        }
        env = Map.copyOf(env);
        command = List.copyOf(command);
        unsetEnv = List.copyOf(unsetEnv);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command for session " + name);
        }
    }

    /** The shell line tmux runs in the pane: {@code exec env -u X K=V... argv}, every word quoted. */
    String shellLine() {
        StringBuilder sb = new StringBuilder("exec env");
        for (String u : unsetEnv) {
            sb.append(" -u ").append(ShellQuote.word(u));
        }
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(' ').append(ShellQuote.word(e.getKey() + "=" + e.getValue())));
        return sb.append(' ').append(ShellQuote.words(command)).toString();
    }
}
