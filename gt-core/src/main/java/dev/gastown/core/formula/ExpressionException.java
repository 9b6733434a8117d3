package dev.gastown.core.formula;

/** A loop expression that does not parse or cannot be evaluated; the cooker turns it into a {@link FormulaException}. */
final class ExpressionException extends RuntimeException {
    ExpressionException(String message) {
        super(message);
    }
}
