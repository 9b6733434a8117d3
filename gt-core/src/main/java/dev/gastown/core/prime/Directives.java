package dev.gastown.core.prime;

import dev.gastown.beads.model.Issue;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.Role;
import dev.gastown.core.work.HookState;
import dev.gastown.core.work.HookView;
import dev.gastown.core.work.Hooked;

/**
 * What {@code gt prime} tells an agent to do next: with work on the hook, the one concrete thing to run now; with
 * an empty hook, where its work comes from.
 */
final class Directives {
    private Directives() {
    }

    /** The instruction for hooked work in state {@code state} (anything but {@link HookState#EMPTY}). */
    static String work(Address me, HookView view, HookState state) {
        Hooked h = view.hooked().orElseThrow();
        String mol = view.progress().map(HookView.Progress::molecule).orElse(h.id());
        return switch (state) {
            case WORKING, READY -> {
                Issue step = view.step().orElseThrow();
                yield "Run step " + step.id() + " (\"" + step.title() + "\") now: its description below says what"
                        + " to do. When it is done, run `bd close " + step.id() + " --continue`: it closes the step"
                        + " and claims the next one, whose description is your next instruction. Go on that way to"
                        + " the last step.";
            }
            case BEAD -> "Run `bd show " + h.id() + "` and do the work it describes, now. "
                    + (me.role() == Role.POLECAT
                            ? "When it is done, commit it and submit it with `gt done`; never close the issue yourself."
                            : "When it is done, close it with `bd close " + h.id() + " --reason \"<what was done>\"`.");
            case WAITING -> "Every open step of " + mol + " waits on something outside the molecule, so none can"
                    + " start. See what holds them with `bd blocked --parent " + mol + "`. If it does not clear soon,"
                    + " ask for help as your role's \"When you are blocked\" says.";
            case COMPLETE -> complete(me, h, mol);
            case EMPTY -> throw new IllegalArgumentException("no work directive for an empty hook");
        };
    }

    private static String complete(Address me, Hooked h, String mol) {
        if (Patrols.formula(me.role()).isPresent()) {
            return "Every step of " + mol + " is closed but the cycle was not squashed. Run `gt mol squash --summary"
                    + " \"<what the cycle did>\"`, then do what the last step says next.";
        }
        if (me.role() == Role.POLECAT) {
            return "Every step of " + mol + " is closed: your work is finished. If `gt done` has not reported a merge"
                    + " request yet, run it now; then stop.";
        }
        return "Every step of " + mol + " is closed: the work on your hook is done. Close " + h.id() + " with"
                + " `bd close " + h.id() + " --reason \"<result>\"`, then read your mail.";
    }

    /** What to do with nothing on the hook. */
    static String startup(Address me) {
        String rig = me.rig().orElse("");
        return switch (me.role()) {
            case MAYOR -> "Nothing is on your hook. Read your mail and the escalations above, look at the town with"
                    + " `gt status`, then ask the Overseer what they want next. Work goes to workers with `gt sling`;"
                    + " you do not edit project code.";
            case CREW -> "Nothing is on your hook. Read your mail first: the Overseer or the Mayor may have sent you"
                    + " work. Otherwise ask the Overseer what to do, or take ready work of " + rig + ": `bd ready`,"
                    + " then `bd update ID --claim`.";
            case POLECAT -> "Your hook is empty. A polecat exists for one piece of work, so this is wrong: run"
                    + " `gt hook` once more, then tell the Witness with `gt mail send " + rig + "/witness -s \"HELP:"
                    + " empty hook\" -m \"" + me + " has nothing on its hook\"` and wait for the answer. Do not look"
                    + " for other work.";
            case DOG -> "Nothing is on your hook: you are idle. The Deacon slings maintenance to you; wait for it"
                    + " (a nudge or mail tells you). Do not look for work yourself.";
            case DEACON, WITNESS, REFINERY, BOOT -> "Your patrol did not start (see above). Run `gt prime` once more;"
                    + " if it fails again, tell the Mayor with `gt mail send mayor/ -s \"PATROL: "
                    + Patrols.formula(me.role()).orElseThrow() + " did not start\" -m \"<the error>\"` and end the"
                    + " session.";
            case OVERSEER -> throw new IllegalArgumentException("the overseer has no startup directive");
        };
    }
}
