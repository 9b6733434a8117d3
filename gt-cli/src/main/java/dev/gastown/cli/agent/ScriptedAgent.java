package dev.gastown.cli.agent;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.json.JsonWriter;
import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.prime.Patrols;
import dev.gastown.core.town.TownLocator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in scripted agent: a real program in a real terminal that behaves like a disciplined model. Each
 * message it receives starts a turn: it checks its hook ({@code gt hook}), and walks the molecule there step by
 * step, running the commands each step declares in {@code ```sh} blocks (and, at a step labelled {@code work}, the
 * hooked issue's own {@code ```sh} blocks), closing each step with {@code bd close --continue}. Between turns it
 * drains its nudge queue and shows an idle prompt. With {@code GT_SCRIPTED_HANDOFF_EVERY=N} it hands off to a fresh
 * session every N steps. A failing command stops the turn and leaves a note on the step: it does not guess.
 */
public final class ScriptedAgent {
    static final String HANDOFF_EVERY = "GT_SCRIPTED_HANDOFF_EVERY";
    private static final int MAX_STEPS_PER_TURN = 100_000;

    private final Terminal terminal;
    private final Shell shell;
    private final Transcript transcript;
    private final String sessionId;
    private final int handoffEvery;
    private final boolean patrols;
    private int stepsThisSession;

    ScriptedAgent(Terminal terminal, Shell shell, Transcript transcript, String sessionId, int handoffEvery,
            boolean patrols) {
        this.terminal = terminal;
        this.shell = shell;
        this.transcript = transcript;
        this.sessionId = sessionId;
        this.handoffEvery = handoffEvery;
        this.patrols = patrols;
    }

    /** Runs a fresh session in this terminal, {@code prompt} (if any) starting the first turn. */
    public static int run(List<String> prompt, Map<String, String> env, Path cwd, java.io.InputStream in,
            PrintStream out) throws IOException {
        String id = UUID.randomUUID().toString();
        int every = parse(env.getOrDefault(HANDOFF_EVERY, "0"));
        Terminal terminal = new Terminal(in, out);
        String role = env.getOrDefault("GT_ROLE", "?");
        ScriptedAgent agent = new ScriptedAgent(terminal, new Shell(cwd, Map.of("GT_SESSION_ID", id)),
                new Transcript(Transcript.of(transcriptDir(env, cwd), id)), id, every, patrols(role));
        agent.loop(prompt.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", prompt)), role);
        return 0;
    }

    /**
     * Resumes past session {@code sessionId} for one question: prints the answer its transcript gives and returns.
     * A scripted session cannot be continued interactively, so without a question it tells what it did last.
     */
    public static void answer(String sessionId, String question, Map<String, String> env, Path cwd,
            PrintStream out) {
        if (!sessionId.matches("[A-Za-z0-9._-]+")) {
            throw new GtException("\"" + sessionId + "\" is not a session id");
        }
        Path file = Transcript.of(transcriptDir(env, cwd), sessionId);
        if (!Files.isRegularFile(file)) {
            throw new GtException("no transcript of scripted session " + sessionId + " at " + file);
        }
        out.println(Seance.answer(new Transcript(file), question));
    }

    private void loop(Optional<String> initial, String role) throws IOException {
        terminal.setUp();
        terminal.say("Scripted agent · " + role + " · session " + sessionId);
        Shell.Run prime = shell.argv(List.of("gt", "prime", "--hook"), JsonWriter.compact(new JsonObject()
                .put("session_id", sessionId).put("source", "startup").put("hook_event_name", "SessionStart")));
        transcript.append("prime", prime.out());
        show("gt prime --hook", prime);
        if (initial.isPresent()) {
            turn(initial.get(), "prompt");
        }
        while (true) {
            terminal.prompt();
            Optional<String> msg = terminal.read();
            if (msg.isEmpty()) {
                return;
            }
            if (!msg.get().isBlank()) {
                turn(msg.get(), "typed");
            }
        }
    }

    private void turn(String message, String how) {
        transcript.append(how, message);
        terminal.received(message);
        terminal.busy();
        work();
        List<String> queued = drainQueue();
        while (!queued.isEmpty()) {
            queued.forEach(q -> transcript.append("queued", q));
            for (String q : queued) {
                terminal.received(q);
                work();
            }
            queued = drainQueue();
        }
    }

    /** Checks the hook and walks the molecule on it until it is done, blocked, or it is time to hand off. */
    private void work() {
        for (int i = 0; i < MAX_STEPS_PER_TURN; i++) {
            Optional<JsonObject> hook = json(List.of("gt", "hook", "--json"));
            if (hook.isEmpty()) {
                return;
            }
            Optional<JsonObject> bead = hook.get().find("bead").map(JsonValue::asObject);
            if (bead.isEmpty()) {
                terminal.say("Nothing on my hook.");
                return;
            }
            Optional<JsonObject> molecule = hook.get().find("molecule").map(JsonValue::asObject);
            if (molecule.isEmpty()) {
                if (bead.get().string("status").equals("closed")) {
                    terminal.say("The work on my hook (" + bead.get().string("id") + ") is done.");
                } else {
                    runPlainBead(bead.get());
                }
                return;
            }
            Optional<JsonObject> step = molecule.get().find("step").map(JsonValue::asObject);
            if (step.isEmpty()) {
                if (!finish(bead.get(), molecule.get())) {
                    return;
                }
                continue;
            }
            if (!runStep(step.get(), bead.get(), molecule.get())) {
                return;
            }
            if (handoffEvery > 0 && stepsThisSession % handoffEvery == 0) {
                handoff(bead.get());
                return;
            }
        }
    }

    private boolean runStep(JsonObject step, JsonObject bead, JsonObject molecule) {
        String id = step.string("id");
        if (!step.string("status").equals("in_progress")) {
            command(List.of("bd", "update", id, "--claim"));
        }
        Optional<JsonObject> detail = json(List.of("bd", "show", id, "--json"));
        if (detail.isEmpty()) {
            return false;
        }
        List<String> scripts = new ArrayList<>(ScriptBlocks.of(detail.get().string("description")));
        boolean work = detail.get().find("labels").map(l -> l.asArray().items().stream()
                .anyMatch(x -> x.asString().equals("work"))).orElse(false);
        if (work) {
            scripts.addAll(ScriptBlocks.of(description(bead.string("id"))));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GT_STEP", id);
        vars.put("GT_STEP_TITLE", step.string("title"));
        vars.put("GT_MOLECULE", molecule.string("id"));
        vars.put("GT_ISSUE", bead.string("id"));
        vars.put("GT_ISSUE_TITLE", bead.string("title"));
        for (String script : scripts) {
            terminal.say("⏺ Bash(" + firstLine(script) + ")");
            Shell.Run r = shell.script(script, vars);
            transcript.append("ran", script + "\n→ exit " + r.exit() + "\n" + tail(r.out(), 20));
            terminal.say(indent(tail(r.out(), 8)));
            if (!r.ok()) {
                terminal.say("Step " + id + " failed (exit " + r.exit() + "); stopping here and leaving a note.");
                command(List.of("bd", "update", id, "--notes", "Scripted agent: a command failed (exit "
                        + r.exit() + "): " + firstLine(script)));
                return false;
            }
        }
        if (!command(List.of("bd", "close", id, "--continue", "--json"))) {
            return false;
        }
        stepsThisSession++;
        transcript.append("closed", id + " " + step.string("title"));
        return true;
    }

    /**
     * Ends a molecule whose steps are all done. A patrol then reads what was queued for it during the cycle and
     * starts the next cycle; true when there is more work on the hook to walk.
     */
    private boolean finish(JsonObject bead, JsonObject molecule) {
        if (!molecule.get("complete").asBoolean()) {
            terminal.say("No step of " + molecule.string("id") + " is ready; waiting.");
            return false;
        }
        transcript.append("complete", molecule.string("id"));
        if (patrols) {
            drainQueue().forEach(q -> {
                transcript.append("queued", q);
                terminal.received(q);
            });
            return command(List.of("gt", "patrol", "next", "--summary", "scripted patrol cycle "
                    + molecule.string("id") + " done"));
        }
        if (bead.string("id").equals(molecule.string("id")) && !bead.string("status").equals("closed")) {
            command(List.of("bd", "close", bead.string("id"), "--reason", "all steps done"));
        }
        terminal.say("Molecule " + molecule.string("id") + " is complete.");
        return false;
    }

    private void runPlainBead(JsonObject bead) {
        String id = bead.string("id");
        for (String script : ScriptBlocks.of(description(id))) {
            terminal.say("⏺ Bash(" + firstLine(script) + ")");
            Shell.Run r = shell.script(script, Map.of("GT_ISSUE", id));
            terminal.say(indent(tail(r.out(), 8)));
            if (!r.ok()) {
                terminal.say("Work on " + id + " failed (exit " + r.exit() + "); stopping.");
                return;
            }
        }
        command(List.of("bd", "close", id, "--reason", "done by the scripted agent"));
    }

    private void handoff(JsonObject bead) {
        transcript.append("handoff", "after " + stepsThisSession + " steps");
        terminal.say("Handing off after " + stepsThisSession + " steps.");
        command(List.of("gt", "handoff", "-s", bead.string("id") + ": " + stepsThisSession
                + " steps done this session", "-m", "Continue at the first open step of the molecule on my hook."));
    }

    private List<String> drainQueue() {
        Optional<JsonValue> v = jsonValue(List.of("gt", "nudge", "drain", "--json"));
        List<String> out = new ArrayList<>();
        v.filter(x -> x instanceof JsonArray).ifPresent(a -> a.asArray().forEach(m -> out.add(m.asString())));
        return out;
    }

    private String description(String id) {
        return json(List.of("bd", "show", id, "--json")).map(o -> o.string("description")).orElse("");
    }

    /** Runs a command, shows it; true when it succeeded. */
    private boolean command(List<String> argv) {
        Shell.Run r = shell.argv(argv, null);
        show(String.join(" ", argv), r);
        return r.ok();
    }

    private Optional<JsonObject> json(List<String> argv) {
        return jsonValue(argv).map(v -> v instanceof JsonArray a && a.size() > 0 ? a.get(0) : v)
                .filter(v -> v instanceof JsonObject).map(JsonValue::asObject);
    }

    private Optional<JsonValue> jsonValue(List<String> argv) {
        Shell.Run r = shell.argv(argv, null);
        if (!r.ok()) {
            show(String.join(" ", argv), r);
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parse(r.out()));
        } catch (JsonException e) {
            terminal.say(String.join(" ", argv) + " printed something that is not JSON: " + firstLine(r.out()));
            return Optional.empty();
        }
    }

    private void show(String what, Shell.Run r) {
        terminal.say("⏺ " + what + (r.ok() ? "" : " (exit " + r.exit() + ")"));
        terminal.say(indent(tail(r.out(), r.ok() ? 4 : 12)));
    }

    private static boolean patrols(String role) {
        try {
            return Patrols.loops(Address.parse(role).role());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The town's transcripts (GT_ROOT, else the town around {@code cwd}), else the user's own. */
    private static Path transcriptDir(Map<String, String> env, Path cwd) {
        return TownLocator.find(env, cwd).map(t -> t.runtimeDir().resolve("transcripts"))
                .orElseGet(() -> Path.of(env.getOrDefault("HOME", "."), ".gastown", "transcripts"));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }

    private static String tail(String s, int lines) {
        String[] all = s.strip().split("\n");
        return String.join("\n", java.util.Arrays.asList(all).subList(Math.max(0, all.length - lines),
                all.length));
    }

    private static String indent(String s) {
        return s.isBlank() ? "" : "  ⎿ " + s.replace("\n", "\n    ");
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
