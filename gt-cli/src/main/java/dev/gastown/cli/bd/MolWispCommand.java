package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.mol.WispGc;
import dev.gastown.beads.store.StoreView;
import dev.gastown.cli.CliException;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "wisp", description = "Instantiate a formula as a wisp: an ephemeral molecule, stored locally and "
        + "never exported to git.",
        subcommands = {MolWispCommand.Create.class, MolWispCommand.ListWisps.class, MolWispCommand.Gc.class})
final class MolWispCommand extends MolCommand.Instantiate {
    @Override
    boolean wisp() {
        return true;
    }

    @Command(name = "create", description = "Same as bd mol wisp FORMULA.")
    static final class Create extends MolCommand.Instantiate {
        @Override
        boolean wisp() {
            return true;
        }
    }

    private static final long DAY_MICROS = 86_400_000_000L;

    @Command(name = "list", description = "Wisp molecules, with those not touched for a day marked old.")
    static final class ListWisps extends dev.gastown.cli.bd.BdCommand {
        @Override
        int execute() {
            long now = System.currentTimeMillis() * 1000;
            List<Issue> wisps = store().read((StoreView v) -> WispGc.roots(v).stream().map(s -> v.get(s.id()))
                    .toList());
            JsonArray a = new JsonArray();
            int old = 0;
            for (Issue w : wisps) {
                boolean isOld = now - w.updatedAt().epochMicros() > DAY_MICROS;
                old += isOld ? 1 : 0;
                JsonObject o = new JsonObject().put("id", w.id()).put("title", w.title())
                        .put("status", w.status().name()).put("priority", w.priority())
                        .put("created_at", w.createdAt().text()).put("updated_at", w.updatedAt().text());
                a.add(isOld ? o.put("old", true) : o);
                if (!json()) {
                    out().line(Display.line(w) + (isOld ? "  (old)" : ""));
                }
            }
            if (json()) {
                JsonObject o = new JsonObject().put("wisps", a).put("count", wisps.size());
                out().json(old > 0 ? o.put("old_count", old) : o);
            } else if (wisps.isEmpty()) {
                out().line("No wisps.");
            }
            return 0;
        }
    }

    @Command(name = "gc", description = "Remove finished or abandoned wisp molecules. Never touches a molecule that "
            + "is hooked or has a step in progress.")
    static final class Gc extends dev.gastown.cli.bd.BdCommand {
        @Option(names = "--age", paramLabel = "HOURS", defaultValue = "24",
                description = "Abandoned: nothing in it updated for this many hours (default 24).")
        long ageHours;

        @Option(names = "--dry-run", description = "List what would be removed.")
        boolean dryRun;

        @Override
        int execute() {
            if (ageHours < 0) {
                throw new CliException("--age cannot be negative");
            }
            long cutoff = System.currentTimeMillis() * 1000 - ageHours * 3_600_000_000L;
            WispGc.Plan plan = WispGc.collect(store(), cutoff, Set.of(), dryRun);
            List<String> collected = plan.collected().stream().map(WispGc.Collected::rootId).toList();
            int issues = plan.wispIds().size();
            if (json()) {
                out().json(new JsonObject().put("collected", BdJson.strings(collected))
                        .put("deleted_count", dryRun ? 0 : issues).put("dry_run", dryRun));
            } else {
                out().line((dryRun ? "Would remove " : "✓ Removed ") + collected.size() + " wisp molecule(s), "
                        + issues + " issues" + (collected.isEmpty() ? "" : ": " + String.join(", ", collected)));
            }
            return 0;
        }
    }
}
