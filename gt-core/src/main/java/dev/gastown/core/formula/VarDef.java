package dev.gastown.core.formula;

import java.util.List;

/**
 * A {@code [vars.<name>]} declaration. {@code defaultValue} is null when there is no default (an empty string is a
 * real default). {@code type} is string (also when empty), int or bool.
 */
public record VarDef(String description, String defaultValue, boolean required, List<String> enumValues,
        String pattern, String type) {

    public VarDef {
        description = description == null ? "" : description;
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        pattern = pattern == null ? "" : pattern;
        type = type == null ? "" : type;
    }

    /** The {@code [vars] name = "value"} shorthand: only a default. */
    public static VarDef withDefault(String value) {
        return new VarDef("", value, false, List.of(), "", "");
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
