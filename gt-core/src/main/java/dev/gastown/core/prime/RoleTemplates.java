package dev.gastown.core.prime;

import dev.gastown.core.identity.Address;
import dev.gastown.core.identity.AgentBeadIds;
import dev.gastown.core.identity.Role;
import dev.gastown.core.identity.SessionNames;
import dev.gastown.core.rig.Rig;
import dev.gastown.core.rig.RigSettings;
import dev.gastown.core.town.Town;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role contexts agents read (resources {@code roles/ROLE.md}), with {@code {{name}}} placeholders filled from the
 * agent's identity. An unknown placeholder is a bug in the template, so it fails loudly.
 */
public final class RoleTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private RoleTemplates() {
    }

    /** The context of the agent at {@code a}, filled from its identity and, for rig agents, its rig's settings. */
    public static String render(Town town, Address a) {
        return render(a.role(), vars(town, a));
    }

    /**
     * What templates may use: {@code town}, {@code address}, {@code home}, {@code session}, {@code agent_bead}; for
     * rig agents {@code rig}, {@code target} (the branch merges go to) and {@code tests} (how to run the rig's tests,
     * as a phrase); for named workers {@code name}.
     */
    static Map<String, String> vars(Town town, Address a) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("town", town.root().toString());
        vars.put("address", a.toString());
        vars.put("home", town.home(a).toString());
        vars.put("session", SessionNames.of(a));
        vars.put("agent_bead", AgentBeadIds.of(a));
        a.rig().ifPresent(r -> {
            RigSettings settings = Rig.load(town, r).settings();
            vars.put("rig", r);
            vars.put("target", settings.targetBranch());
            vars.put("tests", settings.testCommand().isBlank()
                    ? "the project's tests (the rig sets no test command: see its README or build files)"
                    : "`" + settings.testCommand() + "`");
        });
        a.name().ifPresent(n -> vars.put("name", n));
        return vars;
    }

    public static String render(Role role, Map<String, String> vars) {
        String text = raw(role);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("roles/" + role.key() + ".md uses {{" + m.group(1)
                        + "}}, which is not provided");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String raw(Role role) {
        String name = "/roles/" + role.key() + ".md";
        try (InputStream in = RoleTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
