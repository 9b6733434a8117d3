package dev.gastown.beads.query;

import dev.gastown.beads.config.BeadsConfig;
import dev.gastown.beads.config.BeadsLocator;
import dev.gastown.beads.graph.IssueRow;
import dev.gastown.beads.model.Status;
import dev.gastown.beads.store.BeadsDir;
import dev.gastown.beads.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves {@code external:<project>:<capability>} blockers: satisfied when the project's store (located through
 * {@code external_projects} in config.yaml, relative to the repository root) has a closed issue labelled
 * {@code provides:<capability>}. Without that config, external blockers never block, as in the original.
 */
public final class ExternalCapabilities {
    private final Path root;
    private final Map<String, String> projects;
    private final Map<String, Boolean> answers = new HashMap<>();

    private ExternalCapabilities(Path root, Map<String, String> projects) {
        this.root = root;
        this.projects = projects;
    }

    public static ExternalCapabilities of(BeadsDir dir) {
        return new ExternalCapabilities(dir.root(), BeadsConfig.load(dir).map(BeadsConfig.EXTERNAL_PROJECTS));
    }

    public boolean configured() {
        return !projects.isEmpty();
    }

    /** Whether an {@code external:...} target is satisfied; unparseable or unknown projects are not. */
    public boolean satisfied(String target) {
        return answers.computeIfAbsent(target, this::lookUp);
    }

    private boolean lookUp(String target) {
        String[] parts = target.split(":", 3);
        if (parts.length != 3 || !projects.containsKey(parts[1])) {
            return false;
        }
        Path beads = root.resolve(projects.get(parts[1])).normalize().resolve(BeadsDir.DIR_NAME);
        if (!Files.isDirectory(beads)) {
            return false;
        }
        String label = "provides:" + parts[2];
        Store other = Store.open(new BeadsDir(BeadsLocator.followRedirect(beads)));
        return other.read(view -> {
            boolean[] found = {false};
            view.forEachIssue((IssueRow row) -> {
                if (!found[0] && row.status().equals(Status.CLOSED) && row.labels().contains(label)) {
                    found[0] = true;
                }
            });
            return found[0];
        });
    }
}
