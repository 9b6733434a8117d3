package dev.gastown.core.identity;

import dev.gastown.core.GtException;
import java.util.Optional;

/**
 * Who an agent is. The canonical text ({@link #toString()}) is the agent's address: its mail address, its
 * {@code BD_ACTOR}, the assignee of the work on its hook, and {@code GIT_AUTHOR_NAME}. It is built here and parsed
 * here ({@link #parse}) and nowhere else.
 */
public sealed interface Address {

    Role role();

    /** The rig this agent belongs to; empty for town-level agents and the overseer. */
    default Optional<String> rig() {
        return Optional.empty();
    }

    /** The worker's own name (polecats, crew, dogs); empty for singletons. */
    default Optional<String> name() {
        return Optional.empty();
    }

    record Mayor() implements Address {
        @Override
        public Role role() {
            return Role.MAYOR;
        }

        @Override
        public String toString() {
            return "mayor/";
        }
    }

    record Deacon() implements Address {
        @Override
        public Role role() {
            return Role.DEACON;
        }

        @Override
        public String toString() {
            return "deacon/";
        }
    }

    record Boot() implements Address {
        @Override
        public Role role() {
            return Role.BOOT;
        }

        @Override
        public String toString() {
            return "deacon/boot";
        }
    }

    record Dog(String dog) implements Address {
        public Dog {
            Names.checkWorker("dog", dog);
        }

        @Override
        public Role role() {
            return Role.DOG;
        }

        @Override
        public Optional<String> name() {
            return Optional.of(dog);
        }

        @Override
        public String toString() {
            return "deacon/dogs/" + dog;
        }
    }

    record Witness(String rigName) implements Address {
        public Witness {
            Names.checkRig(rigName);
        }

        @Override
        public Role role() {
            return Role.WITNESS;
        }

        @Override
        public Optional<String> rig() {
            return Optional.of(rigName);
        }

        @Override
        public String toString() {
            return rigName + "/witness";
        }
    }

    record Refinery(String rigName) implements Address {
        public Refinery {
            Names.checkRig(rigName);
        }

        @Override
        public Role role() {
            return Role.REFINERY;
        }

        @Override
        public Optional<String> rig() {
            return Optional.of(rigName);
        }

        @Override
        public String toString() {
            return rigName + "/refinery";
        }
    }

    record Polecat(String rigName, String polecat) implements Address {
        public Polecat {
            Names.checkRig(rigName);
            Names.checkWorker("polecat", polecat);
        }

        @Override
        public Role role() {
            return Role.POLECAT;
        }

        @Override
        public Optional<String> rig() {
            return Optional.of(rigName);
        }

        @Override
        public Optional<String> name() {
            return Optional.of(polecat);
        }

        @Override
        public String toString() {
            return rigName + "/polecats/" + polecat;
        }
    }

    record Crew(String rigName, String member) implements Address {
        public Crew {
            Names.checkRig(rigName);
            Names.checkWorker("crew", member);
        }

        @Override
        public Role role() {
            return Role.CREW;
        }

        @Override
        public Optional<String> rig() {
            return Optional.of(rigName);
        }

        @Override
        public Optional<String> name() {
            return Optional.of(member);
        }

        @Override
        public String toString() {
            return rigName + "/crew/" + member;
        }
    }

    record Overseer() implements Address {
        @Override
        public Role role() {
            return Role.OVERSEER;
        }

        @Override
        public String toString() {
            return "overseer";
        }
    }

    Address MAYOR = new Mayor();
    Address DEACON = new Deacon();
    Address BOOT = new Boot();
    Address OVERSEER = new Overseer();

    /**
     * Parses an address in any of the spellings agents use: {@code mayor}, {@code mayor/}, {@code deacon/},
     * {@code deacon/boot}, {@code deacon/dogs/NAME}, {@code overseer}, {@code RIG/witness}, {@code RIG/refinery},
     * {@code RIG/polecats/NAME}, {@code RIG/crew/NAME}, and the short {@code RIG/NAME}, which means a polecat (use
     * {@code RIG/crew/NAME} for crew). Trailing slashes are ignored.
     */
    static Address parse(String text) {
        String t = text == null ? "" : text.strip();
        while (t.endsWith("/") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        String[] p = t.split("/", -1);
        try {
            return switch (p.length) {
                case 1 -> switch (p[0]) {
                    case "mayor" -> MAYOR;
                    case "deacon" -> DEACON;
                    case "boot", "deacon-boot" -> BOOT;
                    case "overseer", "human" -> OVERSEER;
                    default -> throw invalid(text);
                };
                case 2 -> p[0].equals("deacon")
                        ? (p[1].equals("boot") ? BOOT : new Dog(p[1]))
                        : switch (p[1]) {
                            case "witness" -> new Witness(p[0]);
                            case "refinery" -> new Refinery(p[0]);
                            default -> new Polecat(p[0], p[1]);
                        };
                case 3 -> switch (p[1]) {
                    case "polecats" -> new Polecat(p[0], p[2]);
                    case "crew" -> new Crew(p[0], p[2]);
                    case "dogs" -> {
                        if (!p[0].equals("deacon")) {
                            throw invalid(text);
                        }
                        yield new Dog(p[2]);
                    }
                    default -> throw invalid(text);
                };
                default -> throw invalid(text);
            };
        } catch (GtException e) {
            throw new GtException("invalid address \"" + text + "\": " + e.getMessage());
        }
    }

    private static GtException invalid(String text) {
        return new GtException("not an address: use mayor/, deacon/, deacon/boot, deacon/dogs/NAME, overseer,"
                + " RIG/witness, RIG/refinery, RIG/polecats/NAME or RIG/crew/NAME");
    }
}
