package dev.gastown.core.rig;

import java.util.Set;

/**
 * The beads prefix a new rig gets: words joined by '_' give their initials ({@code gas_town} → {@code gt}), a short
 * name is its own prefix, a longer one its first two letters ({@code gastown} → {@code ga}); a {@code _py} or
 * {@code _go} suffix is ignored. A prefix already taken grows a letter, then a digit.
 */
public final class RigPrefixes {
    private RigPrefixes() {
    }

    public static String derive(String rigName, Set<String> taken) {
        String base = rigName.replaceAll("_(py|go)$", "");
        String[] parts = base.split("_+");
        String candidate;
        if (parts.length > 1) {
            StringBuilder sb = new StringBuilder();
            for (String p : parts) {
                if (!p.isEmpty()) {
                    sb.append(p.charAt(0));
                }
            }
            candidate = sb.toString();
        } else {
            candidate = base.length() <= 3 ? base : base.substring(0, 2);
        }
        if (!taken.contains(candidate)) {
            return candidate;
        }
        String flat = base.replace("_", "");
        for (int len = candidate.length() + 1; len <= flat.length(); len++) {
            if (!taken.contains(flat.substring(0, len))) {
                return flat.substring(0, len);
            }
        }
        for (int n = 2; ; n++) {
            String numbered = candidate + n;
            if (!taken.contains(numbered)) {
                return numbered;
            }
        }
    }
}
