package dev.gastown.core.formula;

import java.util.Objects;

/**
 * A formula that cannot be loaded or cooked. The message reads {@code <file>:<line>: step "<id>": <reason>}, leaving
 * out the parts that are unknown (the line when neither the TOML parser nor a search of the source found one, the
 * step when the problem is not about a step). Cooking is all or nothing: when this is thrown, nothing was produced.
 */
public final class FormulaException extends RuntimeException {

    /** What went wrong, for callers that react differently (exit codes, hints). */
    public enum Kind {
        /** The file is not valid TOML or JSON. */
        SYNTAX,
        /** Valid TOML or JSON, but not a valid formula (missing id, wrong value type, bad waits_for...). */
        SCHEMA,
        /** No formula of that name in the search path. */
        NOT_FOUND,
        /** A {@code needs}, {@code depends_on}, expansion, advice or compose reference names no step. */
        UNKNOWN_REFERENCE,
        /** The steps' dependencies, or the formulas' {@code extends}, form a cycle. */
        CYCLE,
        /** Two steps share an id. */
        DUPLICATE_STEP,
        /** A required variable has no value. */
        MISSING_VAR,
        /** A variable was given that the formula neither declares nor uses. */
        UNKNOWN_VAR,
        /** A variable's value breaks its enum, pattern or type. */
        INVALID_VAR,
        /** A loop range, count or computed value could not be evaluated. */
        EXPRESSION,
        /** The formula has the wrong type for what was asked (cooking a convoy, applying a non-aspect...). */
        WRONG_TYPE,
        /** The file could not be read. */
        IO
    }

    private final Kind kind;
    private final String file;
    private final int line;
    private final String stepId;
    private final String reason;

    public FormulaException(Kind kind, String file, int line, String stepId, String reason) {
        this(kind, file, line, stepId, reason, null);
    }

    public FormulaException(Kind kind, String file, int line, String stepId, String reason, Throwable cause) {
        super(format(file, line, stepId, reason), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = file == null ? "" : file;
        this.line = Math.max(line, 0);
        this.stepId = stepId == null ? "" : stepId;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(String file, int line, String stepId, String reason) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (stepId != null && !stepId.isEmpty()) {
            sb.append("step \"").append(stepId).append("\": ");
        }
        return sb.append(reason).toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The formula file (or formula name when it has no file); empty when unknown. */
    public String file() {
        return file;
    }

    /** 1-based line in {@link #file()}, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The step the problem is about; empty when it is about the formula as a whole. */
    public String stepId() {
        return stepId;
    }

    public String reason() {
        return reason;
    }
}
