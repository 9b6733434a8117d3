package dev.gastown.cli.bd;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.model.Issue;
import dev.gastown.beads.ops.AgentSlots;
import dev.gastown.beads.store.StoreView;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "slot", description = "An agent bead's hook and role slots.",
        subcommands = {SlotCommand.Set.class, SlotCommand.Clear.class, SlotCommand.Get.class})
final class SlotCommand extends BdCommand {
    @Override
    int execute() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: set, clear or get");
    }

    static JsonObject slotJson(String agent, AgentSlots.Slot slot, String value) {
        return new JsonObject().put("agent", agent).put("slot", slot.name().toLowerCase(Locale.ROOT))
                .put("value", value);
    }

    @Command(name = "set", description = "Put a bead in an agent's hook or role slot.")
    static final class Set extends BdCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1", paramLabel = "SLOT", description = "hook or role")
        String slot;

        @Parameters(index = "2", paramLabel = "BEAD")
        String bead;

        @Override
        int execute() {
            AgentSlots.Slot s = AgentSlots.Slot.parse(slot);
            Issue i = store().write(tx -> AgentSlots.set(tx, context(), resolve(tx, agent), s, resolve(tx, bead)));
            String value = s == AgentSlots.Slot.HOOK ? i.hookBead() : i.roleBead();
            if (json()) {
                out().json(slotJson(i.id(), s, value));
            } else {
                out().line("✓ " + i.id() + " " + slot + " = " + value);
            }
            return 0;
        }
    }

    @Command(name = "clear", description = "Empty an agent's hook or role slot.")
    static final class Clear extends BdCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1", paramLabel = "SLOT")
        String slot;

        @Override
        int execute() {
            AgentSlots.Slot s = AgentSlots.Slot.parse(slot);
            Issue i = store().write(tx -> AgentSlots.set(tx, context(), resolve(tx, agent), s, ""));
            if (json()) {
                out().json(slotJson(i.id(), s, ""));
            } else {
                out().line("✓ " + i.id() + " " + slot + " cleared");
            }
            return 0;
        }
    }

    @Command(name = "get", description = "Print what is in an agent's hook or role slot.")
    static final class Get extends BdCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1", paramLabel = "SLOT")
        String slot;

        @Override
        int execute() {
            AgentSlots.Slot s = AgentSlots.Slot.parse(slot);
            String[] id = new String[1];
            String value = store().read((StoreView v) -> {
                id[0] = resolve(v, agent);
                return AgentSlots.get(v, id[0], s);
            });
            if (json()) {
                out().json(slotJson(id[0], s, value));
            } else {
                out().line(value);
            }
            return 0;
        }
    }
}
