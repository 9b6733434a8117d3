package dev.gastown.core.formula;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** TOML tables come back unordered, so name-keyed parts of a formula are kept sorted by name for stable output. */
final class FormulaMaps {
    private FormulaMaps() {
    }

    static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
