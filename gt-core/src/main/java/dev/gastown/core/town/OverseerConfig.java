package dev.gastown.core.town;

import dev.gastown.beads.git.GitCli;
import dev.gastown.beads.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;

/** {@code mayor/overseer.json}: who the human running the town is, and where that was learned. */
public record OverseerConfig(String name, String email, String username, String source) {

    public JsonObject toJson() {
        return new JsonObject().put("type", "overseer").put("version", 1).put("name", name).put("email", email)
                .put("username", username).put("source", source);
    }

    /** From git's user.name and user.email when set, else from {@code $USER}. */
    public static OverseerConfig detect(Path dir, Map<String, String> env) {
        GitCli git = new GitCli(dir);
        String name = git.run("config", "user.name").out();
        String email = git.run("config", "user.email").out();
        String user = env.getOrDefault("USER", "");
        if (!name.isEmpty()) {
            return new OverseerConfig(name, email, user, "git-config");
        }
        return new OverseerConfig(user.isEmpty() ? "overseer" : user, email, user, "env");
    }
}
