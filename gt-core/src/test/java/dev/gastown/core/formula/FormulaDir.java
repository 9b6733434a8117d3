package dev.gastown.core.formula;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A directory of formula files written by a test, with a cooker over it. */
final class FormulaDir {
    private final Path dir;

    FormulaDir(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code <name>.formula.toml}. */
    FormulaDir toml(String name, String text) {
        return write(name + ".formula.toml", text);
    }

    FormulaDir write(String fileName, String text) {
        try {
            Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path(String fileName) {
        return dir.resolve(fileName);
    }

    FormulaCooker cooker() {
        return new FormulaCooker(FormulaLibrary.of(dir));
    }

    CookedFormula pour(String name, Map<String, String> vars) {
        return cooker().cook(name, vars, CookMode.POUR);
    }

    CookedFormula proto(String name, Map<String, String> vars) {
        return cooker().cook(name, vars, CookMode.PROTO);
    }
}
