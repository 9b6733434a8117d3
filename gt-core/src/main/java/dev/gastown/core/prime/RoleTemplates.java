package dev.gastown.core.prime;

import dev.gastown.core.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
