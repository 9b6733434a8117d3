package dev.gastown.core.identity;

import java.util.Optional;

/**
 * tmux session names: {@code gt-mayor}, {@code gt-deacon}, {@code gt-deacon-boot}, {@code gt-deacon-dog-NAME},
 * {@code gt-RIG-witness}, {@code gt-RIG-refinery}, {@code gt-RIG-NAME} (polecat), {@code gt-RIG-crew-NAME}. Rig and
 * worker names carry no hyphen and none is a role word, so each name parses back to one address.
 */
public final class SessionNames {
    public static final String PREFIX = "gt-";

    private SessionNames() {
    }

    public static String of(Address a) {
        String rig = a.rig().orElse("");
        String name = a.name().orElse("");
        return PREFIX + switch (a.role()) {
            case MAYOR -> "mayor";
            case DEACON -> "deacon";
            case BOOT -> "deacon-boot";
            case DOG -> "deacon-dog-" + name;
            case WITNESS -> rig + "-witness";
            case REFINERY -> rig + "-refinery";
            case POLECAT -> rig + "-" + name;
            case CREW -> rig + "-crew-" + name;
            case OVERSEER -> throw new IllegalArgumentException("the overseer has no session");
        };
    }

    /** The address a session name stands for; empty when it is not a Gas Town session name. */
    public static Optional<Address> parse(String session) {
        if (session == null || !session.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = session.substring(PREFIX.length());
        try {
            return Optional.of(switch (rest) {
                case "mayor" -> Address.MAYOR;
                case "deacon" -> Address.DEACON;
                case "deacon-boot" -> Address.BOOT;
                default -> parseCompound(rest);
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Address parseCompound(String rest) {
        if (rest.startsWith("deacon-dog-")) {
            return new Address.Dog(rest.substring("deacon-dog-".length()));
        }
        int dash = rest.indexOf('-');
        String rig = rest.substring(0, dash);
        String tail = rest.substring(dash + 1);
        return switch (tail) {
            case "witness" -> new Address.Witness(rig);
            case "refinery" -> new Address.Refinery(rig);
            default -> tail.startsWith("crew-")
                    ? new Address.Crew(rig, tail.substring("crew-".length()))
                    : new Address.Polecat(rig, tail);
        };
    }
}
