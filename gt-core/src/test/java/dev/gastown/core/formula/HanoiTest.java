package dev.gastown.core.formula;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gastown.beads.mol.Template;
import dev.gastown.beads.mol.TemplateEdge;
import dev.gastown.beads.mol.TemplateNode;
import dev.gastown.beads.model.DependencyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped towers-of-hanoi formula cooks into a correct, optimal, linearly chained solution. */
class HanoiTest {
    private static final Pattern MOVE_TITLE = Pattern.compile("Move disk (\\d+): (\\S+) \u2192 (\\S+)");

    static Path shippedFormulas() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("formulas/towers-of-hanoi.formula.toml"))) {
                return p.resolve("formulas");
            }
        }
        throw new IllegalStateException("formulas/towers-of-hanoi.formula.toml not found above the working directory");
    }

    static Template cook(Map<String, String> vars) {
        FormulaCooker cooker = new FormulaCooker(FormulaLibrary.of(shippedFormulas()));
        return cooker.cook("towers-of-hanoi", vars, CookMode.POUR).template();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 10})
    void solvesTheTowerWithLegalMovesInOrder(int disks) {
        Template t = cook(Map.of("disks", String.valueOf(disks)));
        long moves = (1L << disks) - 1;
        assertThat(t.steps()).hasSize((int) moves + 2);
        simulate(t, disks, "A", "C", "B");
    }

    @Test
    void pegNamesComeFromVars() {
        Template t = cook(Map.of("disks", "3", "source_peg", "left", "target_peg", "right", "auxiliary_peg", "mid"));
        assertThat(t.steps().get(1).title()).isEqualTo("Move disk 1: left \u2192 right");
        assertThat(t.steps().get(1).description()).isEqualTo("Take disk 1 off peg left and put it on peg right, "
                + "then close this step with `bd close --continue`.\n```sh\ngt agent pegs\n```");
        assertThat(t.steps().get(0).title()).isEqualTo("Set up 3 disks on peg left");
        simulate(t, 3, "left", "right", "mid");
    }

    @Test
    void defaultIsThreeDisks() {
        Template t = cook(Map.of());
        assertThat(t.steps()).extracting(TemplateNode::title).containsExactly(
                "Set up 3 disks on peg A",
                "Move disk 1: A \u2192 C", "Move disk 2: A \u2192 B", "Move disk 1: C \u2192 B",
                "Move disk 3: A \u2192 C", "Move disk 1: B \u2192 A", "Move disk 2: B \u2192 C",
                "Move disk 1: A \u2192 C",
                "Verify the tower is on peg C");
        assertThat(t.steps().get(1).key()).isEqualTo("moves.iter1.move");
        assertThat(t.root().description()).contains("tower of 3 disks from peg A to\npeg C");
    }

    @Test
    void twentyDisksCookAMillionChainedStepsQuickly() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        Template t = cook(Map.of("disks", "20"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory() - before) >> 20;
        System.out.printf("hanoi-20: %d steps, %d edges, cooked in %d ms, template holds ~%d MiB of heap%n",
                t.steps().size(), t.edges().size(), millis, heapMb);
        assertThat(t.steps()).hasSize(1_048_575 + 2);
        assertThat(t.edges()).hasSize(2 * (1_048_575 + 2) - 1);
        assertThat(millis).isLessThan(20_000);
        simulate(t, 20, "A", "C", "B");
    }

    /** Follows the blocks chain from setup to verify and plays every move on three pegs. */
    private static void simulate(Template t, int disks, String source, String target, String spare) {
        Map<String, String> next = new HashMap<>();
        int parentChild = 0;
        for (TemplateEdge e : t.edges()) {
            if (e.type().equals(DependencyType.BLOCKS)) {
                assertThat(next.put(e.to(), e.from())).as("one successor of " + e.to()).isNull();
            } else {
                assertThat(e.type()).isEqualTo(DependencyType.PARENT_CHILD);
                assertThat(e.to()).isEqualTo(t.root().key());
                parentChild++;
            }
        }
        assertThat(parentChild).isEqualTo(t.steps().size());
        Map<String, TemplateNode> byKey = new HashMap<>();
        t.steps().forEach(n -> byKey.put(n.key(), n));

        Map<String, Deque<Integer>> pegs = Map.of(source, new ArrayDeque<>(), target, new ArrayDeque<>(), spare,
                new ArrayDeque<>());
        for (int d = disks; d >= 1; d--) {
            pegs.get(source).push(d);
        }
        String key = "setup";
        long moves = 0;
        while (!(key = next.get(key)).equals("verify")) {
            Matcher m = MOVE_TITLE.matcher(byKey.get(key).title());
            assertThat(m.matches()).as(byKey.get(key).title()).isTrue();
            int disk = Integer.parseInt(m.group(1));
            Deque<Integer> from = pegs.get(m.group(2));
            Deque<Integer> to = pegs.get(m.group(3));
            assertThat(from).as("move %d takes from a non-empty peg", moves + 1).isNotEmpty();
            assertThat(from.peek()).as("move %d moves the top disk", moves + 1).isEqualTo(disk);
            assertThat(to.isEmpty() || to.peek() > disk).as("move %d onto a larger disk", moves + 1).isTrue();
            to.push(from.pop());
            moves++;
        }
        assertThat(next).doesNotContainKey("verify");
        assertThat(moves).isEqualTo((1L << disks) - 1);
        assertThat(pegs.get(target)).hasSize(disks);
        assertThat(List.copyOf(pegs.get(target))).isSorted();
    }
}
