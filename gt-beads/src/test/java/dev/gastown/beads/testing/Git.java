package dev.gastown.beads.testing;

import dev.gastown.beads.git.GitCli;
import java.nio.file.Path;
import java.util.Map;

/** git in a test directory, with a fixed identity and no user or system config leaking in. */
public final class Git {
    public static final Map<String, String> ENV = Map.of(
            "GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@example.invalid",
            "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.invalid",
            "GIT_CONFIG_NOSYSTEM", "1");

    private Git() {
    }

    public static String run(Path dir, String... args) {
        return new GitCli(dir, ENV).check(args);
    }

    /** A bare repository with one commit on main, and {@code count} clones of it with identities configured. */
    public static Path[] remoteWithClones(Path root, int count) throws java.io.IOException {
        Path remote = root.resolve("remote.git");
        java.nio.file.Files.createDirectories(remote);
        run(remote, "init", "-q", "--bare", "-b", "main");
        Path seed = root.resolve("seed");
        java.nio.file.Files.createDirectories(seed);
        run(seed, "init", "-q", "-b", "main");
        java.nio.file.Files.writeString(seed.resolve("README"), "project\n");
        run(seed, "add", "README");
        run(seed, "commit", "-q", "-m", "initial");
        run(seed, "remote", "add", "origin", remote.toString());
        run(seed, "push", "-q", "origin", "main");
        Path[] clones = new Path[count];
        for (int i = 0; i < count; i++) {
            clones[i] = root.resolve("clone" + i);
            run(root, "clone", "-q", remote.toString(), clones[i].toString());
            run(clones[i], "config", "user.name", "Clone " + i);
            run(clones[i], "config", "user.email", "clone" + i + "@example.invalid");
        }
        return clones;
    }
}
