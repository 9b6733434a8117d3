package dev.gastown.core.workers;

import dev.gastown.core.GtException;
import java.util.List;
import java.util.Map;

/**
 * Polecat name themes. The original's mad-max list, with its three hyphenated names joined by '_' so every name
 * fits inside session names and bead ids.
 */
public final class NameThemes {
    public static final String DEFAULT = "mad_max";

    private static final Map<String, List<String>> THEMES = Map.of(
            "mad_max", List.of("furiosa", "nux", "slit", "rictus", "dementus", "capable", "toast", "dag", "cheedo",
                    "valkyrie", "keeper", "morsov", "ace", "warboy", "imperator", "organic", "coma", "splendid",
                    "angharad", "max", "immortan", "bullet", "toecutter", "goose", "nightrider", "glory", "scrotus",
                    "chumbucket", "corpus", "dinki", "prime", "vuvalini", "rockryder", "wretched", "buzzard",
                    "gastown", "bullet_farmer", "citadel", "wasteland", "fury", "road_warrior", "interceptor",
                    "blackfinger", "wraith", "chrome", "shiny", "mediocre", "guzzoline", "aqua_cola", "doof"),
            "minerals", List.of("quartz", "feldspar", "mica", "garnet", "beryl", "topaz", "jasper", "onyx", "agate",
                    "opal", "jade", "pyrite", "galena", "calcite", "fluorite", "gypsum", "talc", "apatite",
                    "corundum", "zircon", "olivine", "hematite", "magnetite", "malachite", "azurite", "cinnabar",
                    "dolomite", "halite", "rutile", "spinel"),
            "wasteland", List.of("rust", "scrap", "dune", "ash", "cinder", "grit", "flint", "slag", "ember", "husk",
                    "drift", "static", "blight", "scorch", "rivet", "wreck", "bolt", "sprocket", "piston", "diesel"));

    private NameThemes() {
    }

    public static List<String> names(String theme) {
        List<String> names = THEMES.get(theme);
        if (names == null) {
            throw new GtException("unknown name theme \"" + theme + "\" (themes: "
                    + String.join(", ", THEMES.keySet().stream().sorted().toList()) + ")");
        }
        return names;
    }
}
