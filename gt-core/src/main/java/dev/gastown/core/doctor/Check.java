package dev.gastown.core.doctor;

import dev.gastown.beads.json.JsonObject;

/**
 * One finding of {@code gt doctor}.
 *
 * @param name what was checked
 * @param ok whether it is as it should be
 * @param message what is wrong, or what was done about it
 * @param fixed whether {@code --fix} repaired it in this run
 */
public record Check(String name, boolean ok, String message, boolean fixed) {

    static Check ok(String name, String message) {
        return new Check(name, true, message, false);
    }

    static Check problem(String name, String message) {
        return new Check(name, false, message, false);
    }

    static Check repaired(String name, String message) {
        return new Check(name, true, message, true);
    }

    public JsonObject toJson() {
        return new JsonObject().put("check", name).put("ok", ok).put("message", message).put("fixed", fixed);
    }

    public String line() {
        return (fixed ? "🔧 " : ok ? "✓ " : "✗ ") + name + ": " + message;
    }
}
