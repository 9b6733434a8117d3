package dev.gastown.core.workers;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.store.StoreLock;
import dev.gastown.core.GtException;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.AgentState;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.events.EventLog;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Names;
import dev.gastown.core.ledger.Ledger;
import dev.gastown.core.town.FileTrees;
import dev.gastown.core.town.Town;
import dev.gastown.core.town.TownLock;
import dev.gastown.core.work.Hooked;
import dev.gastown.core.work.Hooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kennel: the Deacon's dogs, town-level workers that run maintenance jobs. A dog is its home directory
 * {@code deacon/dogs/NAME} (town-level, so it works against the town's store and reaches every rig from there) and
 * its agent bead {@code hq-dog-NAME}; the agent bead's hook says what it is doing. A dog with no unfinished work on
 * its hook is idle. {@code gt sling WORK deacon/dogs} takes the first idle dog, or adds one with the next free name,
 * under the kennel lock, so two dispatches never pick the same dog.
 */
public final class Dogs {
    /** The address-like target that means "any idle dog". */
    public static final String KENNEL = "deacon/dogs";
    /** Names handed out by the pool (the original's), then {@code dog9}, {@code dog10}... */
    public static final List<String> NAMES = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
            "hotel");
    private static final String BOOT_DIR = "boot";

    private final Ledger ledger;
    private final Town town;

    public Dogs(Ledger ledger) {
        this.ledger = ledger;
        this.town = ledger.town();
    }

    /** A dog and its home. */
    public record Dog(Address.Dog address, Path home) {
        public String name() {
            return address.dog();
        }
    }

    /** A dog, what its agent bead says, and the unfinished work on its hook (empty when idle). */
    public record Status(Dog dog, AgentState state, Optional<String> work) {
        public boolean idle() {
            return work.isEmpty();
        }

        public JsonObject toJson() {
            return new JsonObject().put("name", dog.name()).put("address", dog.address().toString())
                    .put("path", dog.home().toString()).put("state", state.key()).put("idle", idle())
                    .put("work", work.orElse(""));
        }
    }

    /** Whether a sling target means the kennel rather than one dog. */
    public static boolean isKennel(String target) {
        String t = target.strip();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.equals(KENNEL);
    }

    /** The kennel lock: held while a dog is added, picked, given work or removed. Reentrant in one thread. */
    public StoreLock.Held lock() {
        return TownLock.at(town.runtimeDir().resolve("kennel.lock"));
    }

    /** Adds a dog: its home and its (idle) agent bead. */
    public Dog add(String name) {
        Names.checkWorker("dog", name);
        try (StoreLock.Held kennel = lock()) {
            return create(new Address.Dog(name));
        }
    }

    private Dog create(Address.Dog a) {
        Path home = town.home(a);
        if (Files.exists(home)) {
            throw new GtException("dog " + a + " already exists at " + home);
        }
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        try {
            new Agents(ledger).setState(a, AgentState.IDLE);
        } catch (RuntimeException e) {
            FileTrees.delete(home);
            throw e;
        }
        new EventLog(town).append("dog_add", ledger.actor(), new JsonObject().put("dog", a.dog()));
        return new Dog(a, home);
    }

    public Optional<Dog> find(String name) {
        if (!Names.isValid(name) || name.equals(BOOT_DIR)) {
            return Optional.empty();
        }
        Address.Dog a = new Address.Dog(name);
        Path home = town.home(a);
        return Files.isDirectory(home) ? Optional.of(new Dog(a, home)) : Optional.empty();
    }

    public Dog get(String name) {
        return find(name).orElseThrow(() -> new GtException("no dog \"" + name + "\" in " + town.dogsDir()
                + " (gt dog list shows them)"));
    }

    /** Every dog, by name. */
    public List<Status> list() {
        List<Status> out = new ArrayList<>();
        Agents agents = new Agents(ledger);
        for (String name : names()) {
            Dog d = get(name);
            out.add(new Status(d, agents.find(d.address()).map(AgentRecord::state).orElse(AgentState.IDLE),
                    work(d.address())));
        }
        return out;
    }

    /**
     * The dog that takes the next job: the first idle one by name, else a new one named from the pool. The caller
     * holds {@link #lock()} until the work is on the dog's hook.
     */
    public Address.Dog idleOrNew() {
        try (StoreLock.Held kennel = lock()) {
            for (String name : names()) {
                Address.Dog a = new Address.Dog(name);
                if (work(a).isEmpty()) {
                    return a;
                }
            }
            String name = NamePool.allocate(town.runtimeDir().resolve("dog-namepool.json"), NAMES, "dog",
                    new HashSet<>(names()));
            return create(new Address.Dog(name)).address();
        }
    }

    /**
     * Removes a dog: {@code stopSession} stops its session (if it runs), then its home goes and its agent bead is
     * retired. Refused while unfinished work is on its hook, unless {@code force}; forced, the work goes back to
     * open first.
     */
    public Dog remove(String name, boolean force, Consumer<Address.Dog> stopSession) {
        try (StoreLock.Held kennel = lock()) {
            Dog d = get(name);
            Optional<String> work = work(d.address());
            if (work.isPresent() && !force) {
                throw new GtException("refusing to remove " + d.address() + ": " + work.get() + " is on its hook"
                        + " (gt unsling " + d.address() + " first, or --force)");
            }
            if (work.isPresent()) {
                new Hooks(ledger).unhook(d.address());
            }
            stopSession.accept(d.address());
            FileTrees.delete(d.home());
            new Agents(ledger).retire(d.address(), "removed");
            new EventLog(town).append("dog_remove", ledger.actor(), new JsonObject().put("dog", d.name())
                    .put("forced", force).put("work", work.orElse("")));
            return d;
        }
    }

    /** The unfinished work on a dog's hook. */
    private Optional<String> work(Address.Dog a) {
        return new Hooks(ledger).find(a).filter(h -> !h.complete()).map(Hooked::id);
    }

    private List<String> names() {
        return FileTrees.namedChildren(town.dogsDir()).stream().filter(n -> !n.equals(BOOT_DIR)).toList();
    }
}
