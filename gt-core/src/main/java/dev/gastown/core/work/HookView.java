package dev.gastown.core.work;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.mol.Molecules;
import dev.gastown.beads.model.Issue;
import dev.gastown.core.identity.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code gt hook} shows: the hooked bead and, when a molecule drives it, where the molecule stands and which
 * step to work on (the one in progress, else the next ready one).
 */
public record HookView(Address agent, Optional<Hooked> hooked, Optional<Progress> progress) {

    /** Where the hooked molecule stands. */
    public record Progress(String molecule, String title, int total, int done, Optional<Issue> current,
            Optional<Issue> next) {
    }

    public static HookView of(Address agent, Optional<Hooked> hooked) {
        Optional<Progress> progress = hooked.flatMap(h -> h.molecule().map(mol -> h.store().store().read(v -> {
            Molecules.Progress p = Molecules.progress(v, mol);
            Optional<Issue> current = p.current().stream().findFirst().flatMap(v::find);
            Optional<Issue> next = Optional.ofNullable(p.nextStep()).flatMap(v::find);
            String title = v.find(mol).map(Issue::title).orElse(mol);
            return new Progress(mol, title, p.total(), p.done(), current, next);
        })));
        return new HookView(agent, hooked, progress);
    }

    /** The step an agent should work on now. */
    public Optional<Issue> step() {
        return progress.flatMap(p -> p.current().or(p::next));
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject().put("agent", agent.toString());
        hooked.ifPresent(h -> o.put("bead", new JsonObject().put("id", h.id()).put("title", h.bead().title())
                .put("status", h.bead().status().name()).put("args", h.args().orElse(""))));
        progress.ifPresent(p -> {
            JsonObject m = new JsonObject().put("id", p.molecule()).put("title", p.title()).put("total", p.total())
                    .put("done", p.done()).put("complete", p.total() > 0 && p.done() == p.total());
            step().ifPresent(s -> m.put("step", new JsonObject().put("id", s.id()).put("title", s.title())
                    .put("status", s.status().name())));
            o.put("molecule", m);
        });
        return o;
    }

    /** Lines for people (and agents reading their terminal). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (hooked.isEmpty()) {
            out.add("Nothing on " + agent + "'s hook.");
            return out;
        }
        Hooked h = hooked.get();
        out.add("Hook: " + h.id() + " \"" + h.bead().title() + "\" (" + h.bead().status().name() + ")");
        h.args().ifPresent(a -> out.add("Args: " + a));
        progress.ifPresent(p -> {
            out.add("Molecule: " + p.molecule() + " \"" + p.title() + "\": " + p.done() + "/" + p.total()
                    + " steps done");
            p.current().ifPresent(s -> out.add("Current step: " + s.id() + " \"" + s.title() + "\" (in progress)"));
            if (p.current().isEmpty()) {
                p.next().ifPresentOrElse(s -> out.add("Next step: " + s.id() + " \"" + s.title() + "\""),
                        () -> out.add(p.done() == p.total() ? "All steps done." : "No step is ready."));
            }
            step().ifPresent(s -> {
                out.add("");
                out.add(s.description());
            });
        });
        if (progress.isEmpty()) {
            out.add("");
            out.add(h.bead().description());
        }
        return out;
    }
}
