package dev.gastown.cli.testing;

import dev.gastown.beads.json.JsonParser;
import dev.gastown.beads.json.JsonValue;

/** What one command printed and returned. */
public record CliRun(int exitCode, String out, String err) {

    public JsonValue json() {
        return JsonParser.parse(out);
    }

    public CliRun ok() {
        if (exitCode != 0) {
            throw new AssertionError("expected success, got exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }
}
