package dev.gastown.cli;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.beads.json.JsonWriter;
import java.io.PrintStream;

/**
 * A command's output. With {@code --json}, data goes to stdout as Go-style indented JSON and errors to stderr as
 * {@code {"error": "..."}}; without it, people get text. Human notes never go into JSON output.
 */
public final class Output {
    private final CliEnv env;
    private final boolean json;

    public Output(CliEnv env, boolean json) {
        this.env = env;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public PrintStream out() {
        return env.out();
    }

    public void json(JsonValue value) {
        env.out().print(JsonWriter.indented(value));
    }

    /** A line of human output; suppressed under --json. */
    public void line(String text) {
        if (!json) {
            env.out().println(text);
        }
    }

    /** A warning or note for people, on stderr; suppressed under --json. */
    public void note(String text) {
        if (!json) {
            env.err().println(text);
        }
    }

    public void error(String message) {
        if (json) {
            env.err().print(JsonWriter.indented(new JsonObject().put("error", message)));
        } else {
            env.err().println("Error: " + message);
        }
    }
}
