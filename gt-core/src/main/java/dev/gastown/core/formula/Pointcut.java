package dev.gastown.core.formula;

/** An aspect's {@code [[pointcuts]]} entry: which steps it is meant for (documentation; advice targets decide). */
public record Pointcut(String glob, String type, String label) {
}
