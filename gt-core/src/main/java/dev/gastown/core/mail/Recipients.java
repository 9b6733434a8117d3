package dev.gastown.core.mail;

import dev.gastown.beads.json.JsonException;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.Directory;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.town.JsonFiles;
import dev.gastown.core.town.RigEntry;
import dev.gastown.core.town.RigRegistry;
import dev.gastown.core.town.Town;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns what a sender typed into the agents that get a copy. An address must name an agent that exists (a typo is
 * refused with the nearest real addresses); a group ({@code @town}, {@code @witnesses}, {@code @refineries},
 * {@code @dogs}, {@code @overseer}, {@code @polecats/RIG}, {@code @crew/RIG}, {@code @rig/RIG}) or a named list
 * ({@code list:NAME}, from {@code config/messaging.json}) expands to its members, minus the sender. Everything is
 * resolved before anything is sent, so one bad target sends nothing.
 */
public final class Recipients {
    public static final String LIST_PREFIX = "list:";

    private final Town town;
    private final Directory directory;

    public Recipients(Town town) {
        this.town = town;
        this.directory = new Directory(town);
    }

    /**
     * Who a message is from: the caller; only the Overseer may send as someone else ({@code asWho}, an existing
     * address), as the original's {@code --from}.
     */
    public Address sender(Address caller, String asWho) {
        if (asWho == null || asWho.isBlank()) {
            return caller;
        }
        if (caller.role() != Role.OVERSEER) {
            throw new GtException("only the overseer may send as someone else; you are " + caller);
        }
        return directory.resolve(asWho);
    }

    /** Who gets a copy, each once, in the order first named: the recipients, then the copied. */
    public record Resolved(List<Address> copies, List<Address> cc) {
        public Resolved {
            copies = List.copyOf(copies);
            cc = List.copyOf(cc);
        }
    }

    /**
     * Resolves recipients and copies for a message from {@code sender}. Copies ({@code cc}) must be addresses; they
     * get their own copy and are named on every copy.
     */
    public Resolved resolve(List<String> to, List<String> cc, Address sender) {
        if (to.isEmpty()) {
            throw new GtException("no recipient: give an address, a group such as @town, or list:NAME");
        }
        Set<Address> copies = new LinkedHashSet<>();
        for (String target : to) {
            copies.addAll(expand(target.strip(), sender));
        }
        List<Address> copied = new ArrayList<>();
        for (String c : cc) {
            Address a = directory.resolve(c);
            if (!copied.contains(a)) {
                copied.add(a);
            }
        }
        copies.addAll(copied);
        return new Resolved(new ArrayList<>(copies), copied);
    }

    private List<Address> expand(String target, Address sender) {
        if (target.startsWith("@")) {
            return withoutSender(target, group(target), sender);
        }
        if (target.startsWith(LIST_PREFIX)) {
            return withoutSender(target, list(target.substring(LIST_PREFIX.length())), sender);
        }
        return List.of(directory.resolve(target));
    }

    private static List<Address> withoutSender(String target, List<Address> members, Address sender) {
        List<Address> out = members.stream().filter(a -> !a.equals(sender)).toList();
        if (out.isEmpty()) {
            throw new GtException(target + " has no members" + (members.isEmpty() ? "" : " other than you ("
                    + sender + ")") + ": nothing was sent");
        }
        return out;
    }

    private List<Address> group(String target) {
        String name = target.substring(1);
        int slash = name.indexOf('/');
        Predicate<Address> members = slash < 0 ? townGroup(target, name)
                : rigGroup(target, name.substring(0, slash), name.substring(slash + 1));
        return directory.known().stream().filter(members).toList();
    }

    private static Predicate<Address> townGroup(String target, String name) {
        return switch (name) {
            case "town" -> a -> a.role() != Role.OVERSEER && a.role() != Role.BOOT;
            case "witnesses" -> a -> a.role() == Role.WITNESS;
            case "refineries" -> a -> a.role() == Role.REFINERY;
            case "dogs" -> a -> a.role() == Role.DOG;
            case "overseer" -> a -> a.role() == Role.OVERSEER;
            case "polecats", "crew", "rig" -> throw new GtException(target + " needs a rig: " + target + "/RIG");
            default -> throw unknownGroup(target);
        };
    }

    private Predicate<Address> rigGroup(String target, String name, String rig) {
        Predicate<Address> role = switch (name) {
            case "polecats" -> a -> a.role() == Role.POLECAT;
            case "crew" -> a -> a.role() == Role.CREW;
            case "rig" -> a -> true;
            default -> throw unknownGroup(target);
        };
        if (RigRegistry.find(town, rig).isEmpty()) {
            throw new GtException("no rig \"" + rig + "\" in this town (rigs: " + String.join(", ",
                    RigRegistry.list(town).stream().map(RigEntry::name).toList()) + ")");
        }
        Optional<String> inRig = Optional.of(rig);
        return role.and(a -> a.rig().equals(inRig));
    }

    private static GtException unknownGroup(String target) {
        return new GtException("unknown group \"" + target + "\": use @town, @witnesses, @refineries, @dogs,"
                + " @overseer, @polecats/RIG, @crew/RIG or @rig/RIG");
    }

    private List<Address> list(String name) {
        JsonObject lists = JsonFiles.readIfExists(town.messagingJson()).flatMap(o -> o.find("lists"))
                .filter(v -> v instanceof JsonObject).map(JsonValue::asObject).orElseGet(JsonObject::new);
        JsonValue members = lists.find(name).orElseThrow(() -> new GtException("no list \"" + name + "\" in "
                + town.messagingJson() + (lists.size() == 0 ? " (no lists defined)" : " (lists: "
                + String.join(", ", lists.keys()) + ")")));
        List<Address> out = new ArrayList<>();
        try {
            for (JsonValue member : members.asArray().items()) {
                out.add(directory.resolve(member.asString()));
            }
        } catch (GtException | JsonException e) {
            throw new GtException("list \"" + name + "\" in " + town.messagingJson() + ": " + e.getMessage());
        }
        return out;
    }
}
