package dev.gastown.tmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to run one agent CLI, as data: the command, how the first prompt reaches it, how to resume or fork a past
 * session, what its screen looks like when it waits for input or is busy, the start-up dialogs to answer, and the
 * environment to set or clean. Presets are loaded from files; users add and override them without a release.
 *
 * @param promptAsArgument the initial prompt is the last argument (else it is typed once the agent is ready)
 * @param resumeArgs arguments that resume session {@code {session}}; empty when the CLI cannot resume
 * @param forkArgs extra arguments that make a resumed session a fork (the predecessor's transcript untouched)
 * @param askArgs arguments that ask one question {@code {prompt}} and exit (used by seance)
 * @param readyPrompt text that starts the input line when the agent waits for input (NBSP counts as a space)
 * @param busyMarker text on screen while the agent works
 * @param readyDelayMillis how long to wait after start when the screen cannot tell readiness
 * @param dialogs start-up dialogs and the keys that answer them
 * @param hooks the CLI runs gt prime from its own session-start hook
 */
public record AgentPreset(String name, String command, List<String> args, boolean promptAsArgument,
        List<String> resumeArgs, List<String> forkArgs, List<String> askArgs, String readyPrompt, String busyMarker,
        int readyDelayMillis, List<Dialog> dialogs, Map<String, String> env, List<String> unsetEnv, boolean hooks) {

    /** A dialog recognised by a piece of its text, answered with tmux key names. */
    public record Dialog(String contains, List<String> keys) {
    }

    public AgentPreset {
        args = List.copyOf(args);
        resumeArgs = List.copyOf(resumeArgs);
        forkArgs = List.copyOf(forkArgs);
        askArgs = List.copyOf(askArgs);
        dialogs = List.copyOf(dialogs);
        env = Map.copyOf(env);
        unsetEnv = List.copyOf(unsetEnv);
    }

    /**
     * The argv that starts a fresh session, with the initial prompt when the CLI takes it as an argument, and
     * {@code {name}} placeholders in the arguments filled from {@code values} (e.g. {@code {hooks_file}}).
     */
    public List<String> startArgv(String prompt, Map<String, String> values) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        for (String a : args) {
            for (var v : values.entrySet()) {
                a = a.replace("{" + v.getKey() + "}", v.getValue());
            }
            argv.add(a);
        }
        if (promptAsArgument && prompt != null && !prompt.isEmpty()) {
            argv.add(prompt);
        }
        return argv;
    }

    /**
     * The argv that resumes a past session interactively, as a fork when the CLI has {@link #forkArgs} (its
     * transcript then stays as it was). Arguments that need start-time values ({@code {hooks_file}}) are left out.
     */
    public List<String> resumeArgv(String sessionId) {
        if (resumeArgs.isEmpty()) {
            throw new IllegalStateException(name + " cannot resume past sessions");
        }
        List<String> argv = new ArrayList<>();
        argv.add(command);
        args.stream().filter(a -> !a.contains("{")).forEach(argv::add);
        resumeArgs.forEach(a -> argv.add(a.replace("{session}", sessionId)));
        argv.addAll(forkArgs);
        return argv;
    }

    /** {@link #resumeArgv} that asks one question and exits. */
    public List<String> askArgv(String sessionId, String question) {
        if (askArgs.isEmpty()) {
            throw new IllegalStateException(name + " cannot answer one question from a past session");
        }
        List<String> argv = resumeArgv(sessionId);
        askArgs.forEach(a -> argv.add(a.replace("{prompt}", question)));
        return argv;
    }

    public boolean canResume() {
        return !resumeArgs.isEmpty();
    }
}
