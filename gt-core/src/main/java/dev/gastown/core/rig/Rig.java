package dev.gastown.core.rig;

import dev.gastown.core.GtException;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.town.Town;
import java.nio.file.Files;
import java.util.List;

/** A registered rig: its layout, its config and its settings. */
public record Rig(RigLayout layout, RigConfig config) {

    public String name() {
        return layout.name();
    }

    public String prefix() {
        return config.beadsPrefix();
    }

    public RigSettings settings() {
        return RigSettings.read(layout, config.defaultBranch());
    }

    public static Rig load(Town town, String name) {
        RigEntry entry = RigRegistry.find(town, name).orElseThrow(() -> new GtException("no rig named \"" + name
                + "\" in " + town.root() + " (rigs: " + String.join(", ", names(town)) + ")"));
        RigLayout layout = town.rig(entry.name());
        if (!Files.isRegularFile(layout.configJson())) {
            throw new GtException("rig \"" + name + "\" is registered but " + layout.configJson() + " is missing");
        }
        return new Rig(layout, RigConfig.read(layout));
    }

    public static List<Rig> all(Town town) {
        return RigRegistry.list(town).stream().map(e -> load(town, e.name())).toList();
    }

    private static List<String> names(Town town) {
        List<String> names = RigRegistry.list(town).stream().map(RigEntry::name).toList();
        return names.isEmpty() ? List.of("none yet; gt rig add NAME URL") : names;
    }
}
