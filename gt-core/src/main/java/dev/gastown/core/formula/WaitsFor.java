package dev.gastown.core.formula;

/**
 * A parsed {@code waits_for}: {@code all-children}, {@code any-children}, or {@code children-of(<step>)} (which
 * waits for all children of that step). {@code spawner} is empty when it is to be taken from the first need.
 */
record WaitsFor(String gate, String spawner) {
    private static final String CHILDREN_OF = "children-of(";

    static WaitsFor parse(String value) {
        if (value.equals("all-children") || value.equals("any-children")) {
            return new WaitsFor(value, "");
        }
        if (value.startsWith(CHILDREN_OF) && value.endsWith(")") && value.length() > CHILDREN_OF.length() + 1) {
            return new WaitsFor("all-children", value.substring(CHILDREN_OF.length(), value.length() - 1));
        }
        return null;
    }
}
