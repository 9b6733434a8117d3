package dev.gastown.core.identity;

import java.util.Optional;

/**
 * Ids of agent beads and role beads. Every agent bead lives in the town's beads (prefix {@code hq}), so the daemon,
 * {@code gt status} and mail routing read one store to see every agent: {@code hq-mayor}, {@code hq-deacon},
 * {@code hq-boot}, {@code hq-dog-NAME}, {@code hq-RIG-witness}, {@code hq-RIG-refinery}, {@code hq-RIG-polecat-NAME},
 * {@code hq-RIG-crew-NAME}. Role beads are {@code hq-ROLE-role}.
 */
public final class AgentBeadIds {
    public static final String TOWN_PREFIX = "hq";
    private static final String P = TOWN_PREFIX + "-";

    private AgentBeadIds() {
    }

    public static String of(Address a) {
        String rig = a.rig().orElse("");
        String name = a.name().orElse("");
        return P + switch (a.role()) {
            case MAYOR -> "mayor";
            case DEACON -> "deacon";
            case BOOT -> "boot";
            case DOG -> "dog-" + name;
            case WITNESS -> rig + "-witness";
            case REFINERY -> rig + "-refinery";
            case POLECAT -> rig + "-polecat-" + name;
            case CREW -> rig + "-crew-" + name;
            case OVERSEER -> throw new IllegalArgumentException("the overseer has no agent bead");
        };
    }

    public static String roleBead(Role role) {
        return P + role.key() + "-role";
    }

    /** The address an agent bead id stands for; empty for any other id. */
    public static Optional<Address> parse(String id) {
        if (id == null || !id.startsWith(P)) {
            return Optional.empty();
        }
        String[] parts = id.substring(P.length()).split("-");
        try {
            return Optional.ofNullable(switch (parts.length) {
                case 1 -> switch (parts[0]) {
                    case "mayor" -> Address.MAYOR;
                    case "deacon" -> Address.DEACON;
                    case "boot" -> Address.BOOT;
                    default -> null;
                };
                case 2 -> parts[0].equals("dog") ? new Address.Dog(parts[1]) : switch (parts[1]) {
                    case "witness" -> new Address.Witness(parts[0]);
                    case "refinery" -> new Address.Refinery(parts[0]);
                    default -> null;
                };
                case 3 -> switch (parts[1]) {
                    case "polecat" -> new Address.Polecat(parts[0], parts[2]);
                    case "crew" -> new Address.Crew(parts[0], parts[2]);
                    default -> null;
                };
                default -> null;
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
