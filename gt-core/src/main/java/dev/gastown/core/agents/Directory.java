package dev.gastown.core.agents;

import dev.gastown.core.GtException;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Names;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigLayout;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.town.Town;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which addresses exist in a town: the Mayor, Deacon, Boot and the Overseer; each registered rig's Witness and
 * Refinery; the polecats, crew and dogs whose homes exist. Anything sent to an address goes through
 * {@link #resolve}, so a typo is refused with the nearest real addresses instead of vanishing.
 */
public final class Directory {
    private final Town town;

    public Directory(Town town) {
        this.town = town;
    }

    public List<Address> known() {
        List<Address> out = new ArrayList<>(List.of(Address.MAYOR, Address.DEACON, Address.BOOT, Address.OVERSEER));
        for (String dog : FileTrees.namedChildren(town.dogsDir())) {
            if (!dog.equals("boot")) {
                out.add(new Address.Dog(dog));
            }
        }
        for (RigEntry rig : RigRegistry.list(town)) {
            RigLayout layout = town.rig(rig.name());
            out.add(new Address.Witness(rig.name()));
            out.add(new Address.Refinery(rig.name()));
            FileTrees.namedChildren(layout.polecatsDir()).forEach(n -> out.add(new Address.Polecat(rig.name(), n)));
            FileTrees.namedChildren(layout.crewDir()).forEach(n -> out.add(new Address.Crew(rig.name(), n)));
        }
        return out;
    }

    public boolean exists(Address a) {
        return known().contains(a);
    }

    /**
     * The existing address {@code text} names. The short form {@code RIG/NAME} finds a polecat or a crew member of
     * that name. Unknown addresses fail with the closest known ones.
     */
    public Address resolve(String text) {
        Address parsed;
        try {
            parsed = Address.parse(text);
        } catch (GtException e) {
            throw unknown(text, e.getMessage());
        }
        List<Address> known = known();
        if (known.contains(parsed)) {
            return parsed;
        }
        if (parsed instanceof Address.Polecat p && !text.contains("/polecats/")) {
            Address crew = new Address.Crew(p.rigName(), p.polecat());
            if (known.contains(crew)) {
                return crew;
            }
        }
        throw unknown(text, "no such agent in this town");
    }

    private GtException unknown(String text, String why) {
        List<String> near = known().stream().map(Address::toString)
                .sorted(Comparator.comparingInt(a -> distance(a, text))).limit(3).toList();
        return new GtException("unknown address \"" + text + "\" (" + why + "); nearest: " + String.join(", ", near));
    }

    /** Edit distance, for suggestions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
