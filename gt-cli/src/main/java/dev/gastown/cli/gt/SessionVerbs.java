package dev.gastown.cli.gt;

import dev.gastown.beads.json.JsonObject;
import dev.gastown.cli.CliException;
import dev.gastown.cli.ExitCodes;
import dev.gastown.core.agents.AgentRecord;
import dev.gastown.core.agents.Agents;
import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.work.Hooks;
import dev.gastown.tmux.Pane;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * start, stop, attach, status and restart for an agent's session, shared by the role commands
 * ({@code gt mayor start}, {@code gt witness start RIG}, {@code gt polecat start RIG/NAME}...): the parent command's
 * name says which role the target names.
 */
final class SessionVerbs {
    private SessionVerbs() {
    }

    /** The verbs, for a role command's {@code subcommands}. */
    abstract static class Verb extends GtCommand {
        @Parameters(paramLabel = "TARGET", arity = "0..1",
                description = "RIG for witness and refinery (default: your rig), RIG/NAME for polecats and crew.")
        String target;

        Address address() {
            String role = spec.parent().name();
            return switch (role) {
                case "mayor" -> Address.MAYOR;
                case "deacon" -> Address.DEACON;
                case "boot" -> Address.BOOT;
                case "witness" -> new Address.Witness(rig());
                case "refinery" -> new Address.Refinery(rig());
                case "polecat" -> worker("polecats");
                case "crew" -> worker("crew");
                default -> throw new IllegalStateException("no sessions for " + role);
            };
        }

        private String rig() {
            if (target != null) {
                return target;
            }
            return me().rig().orElseThrow(() -> new CliException("which rig? gt " + spec.parent().name() + " "
                    + spec.name() + " RIG", ExitCodes.USAGE));
        }

        private Address worker(String kind) {
            if (target == null || !target.contains("/")) {
                throw new CliException("give the worker as RIG/NAME", ExitCodes.USAGE);
            }
            String[] p = target.split("/");
            return Address.parse(p[0] + "/" + kind + "/" + p[p.length - 1]);
        }

        JsonObject describe(Address a, Optional<Pane> pane) {
            Optional<AgentRecord> agent = new Agents(ledger()).find(a);
            JsonObject o = new JsonObject().put("address", a.toString()).put("session", SessionNames.of(a))
                    .put("running", pane.isPresent());
            pane.ifPresent(p -> o.put("pane", p.id()).put("pid", p.pid()).put("attached", p.attached()));
            agent.ifPresent(r -> o.put("state", r.state().key()).put("hook", r.hook().orElse("")));
            return o;
        }

        void report(JsonObject o, String line) {
            if (json()) {
                out().json(o);
            } else {
                out().line(line);
            }
        }
    }

    @Command(name = "start", aliases = "spawn", description = "Start the agent's session (nothing happens if it"
            + " runs; a dead agent is restarted in its pane).")
    static final class Start extends Verb {
        @Override
        int execute() {
            Address a = address();
            String topic = new Hooks(ledger()).find(a).map(h -> "assigned:" + h.id()).orElse(switch (a.role()) {
                case WITNESS, REFINERY, DEACON -> "patrol";
                default -> "cold-start";
            });
            Pane p = agentSessions().ensure(a, me(), topic);
            report(describe(a, Optional.of(p)), "Started " + a + " in " + SessionNames.of(a) + " (pane " + p.id()
                    + ", pid " + p.pid() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "stop", description = "Stop the agent: its whole process tree, then its session.")
    static final class Stop extends Verb {
        @Override
        int execute() {
            Address a = address();
            boolean was = agentSessions().stop(a, "stopped by " + me());
            report(describe(a, Optional.empty()).put("was_running", was), was ? "Stopped " + a
                    : a + " was not running");
            return ExitCodes.OK;
        }
    }

    @Command(name = "restart", description = "Restart the agent in its own pane (or start it).")
    static final class Restart extends Verb {
        @Override
        int execute() {
            Address a = address();
            var sessions = agentSessions();
            Pane p = sessions.sessions().exists(SessionNames.of(a)) ? sessions.respawn(a, me(), "restart")
                    : sessions.start(a, me(), "restart");
            report(describe(a, Optional.of(p)), "Restarted " + a + " (pane " + p.id() + ", pid " + p.pid() + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Whether the agent runs, its pane, state and hook.")
    static final class Status extends Verb {
        @Override
        int execute() {
            Address a = address();
            JsonObject o = describe(a, agentSessions().running(a));
            report(o, a + ": " + (o.get("running").asBoolean() ? "running in " + SessionNames.of(a) : "not running")
                    + o.find("state").map(s -> ", state " + s.asString()).orElse("")
                    + o.find("hook").filter(h -> !h.asString().isEmpty()).map(h -> ", hook " + h.asString())
                    .orElse(""));
            return ExitCodes.OK;
        }
    }

    @Command(name = "attach", aliases = "at", description = "Attach this terminal to the agent's session.")
    static final class Attach extends Verb {
        @Override
        int execute() {
            return attach(agentSessions(), address());
        }
    }
}
