package dev.gastown.core.formula;

/**
 * A {@code [steps.gate]}: an async wait that cooks into a gate issue blocking its step. {@code type} is gh:run,
 * gh:pr, timer, human or mail; {@code timeout} is a Go duration such as {@code 30m}, or empty.
 */
public record StepGate(String type, String id, String timeout) {
    public StepGate {
        type = type == null ? "" : type;
        id = id == null ? "" : id;
        timeout = timeout == null ? "" : timeout;
    }
}
