package dev.gastown.cli.bench;

import dev.gastown.beads.json.JsonArray;
import dev.gastown.beads.json.JsonNumber;
import dev.gastown.beads.json.JsonObject;
import dev.gastown.beads.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three pegs of the Towers of Hanoi, simulated, so that every step a molecule hands out can be checked: a move
 * from an empty peg, or of a disk that is not on top, or onto a smaller disk, is an error.
 */
public final class Pegs {
    private static final Pattern SETUP = Pattern.compile("Set up (\\d+) disks on peg (\\S+)");
    private static final Pattern MOVE = Pattern.compile("Move disk (\\d+): (\\S+) \u2192 (\\S+)");
    private static final Pattern VERIFY = Pattern.compile("Verify the tower is on peg (\\S+)");

    private final Map<String, Deque<Integer>> pegs = new TreeMap<>();
    private int disks;
    private boolean verified;
    private long moves;

    /** The pegs as JSON: each peg's disks from the top down, the counts, and whether the tower was verified. */
    public JsonObject toJson() {
        JsonObject p = new JsonObject();
        pegs.forEach((name, disksOn) -> {
            JsonArray a = new JsonArray();
            disksOn.forEach(d -> a.add(JsonNumber.of(d)));
            p.put(name, a);
        });
        return new JsonObject().put("disks", disks).put("moves", moves).put("verified", verified)
                .put("pegs", p);
    }

    public static Pegs fromJson(JsonObject o) {
        Pegs out = new Pegs();
        out.disks = (int) o.find("disks").map(JsonValue::asLong).orElse(0L).longValue();
        out.moves = o.find("moves").map(JsonValue::asLong).orElse(0L);
        out.verified = o.find("verified").map(JsonValue::asBoolean).orElse(false);
        o.find("pegs").map(JsonValue::asObject).ifPresent(p -> p.entries().forEach(e -> {
            Deque<Integer> peg = out.peg(e.getKey());
            e.getValue().asArray().forEach(d -> peg.addLast((int) d.asLong()));
        }));
        return out;
    }

    /** Applies the step with this title; throws {@link IllegalStateException} when it is not legal now. */
    public void apply(String title) {
        Matcher m = MOVE.matcher(title);
        if (m.matches()) {
            move(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
            return;
        }
        m = SETUP.matcher(title);
        if (m.matches()) {
            if (disks != 0) {
                throw new IllegalStateException("set up twice");
            }
            disks = Integer.parseInt(m.group(1));
            Deque<Integer> source = peg(m.group(2));
            for (int d = disks; d >= 1; d--) {
                source.push(d);
            }
            return;
        }
        m = VERIFY.matcher(title);
        if (m.matches()) {
            Deque<Integer> target = peg(m.group(1));
            if (target.size() != disks || pegs.values().stream().mapToInt(Deque::size).sum() != disks) {
                throw new IllegalStateException("verify: the tower is not all on peg " + m.group(1) + ": " + pegs);
            }
            verified = true;
            return;
        }
        throw new IllegalStateException("not a Hanoi step: " + title);
    }

    private void move(int disk, String from, String to) {
        if (disks == 0) {
            throw new IllegalStateException("move before setup");
        }
        Deque<Integer> a = peg(from);
        Deque<Integer> b = peg(to);
        if (a.isEmpty() || a.peek() != disk) {
            throw new IllegalStateException("illegal move " + moves + ": disk " + disk + " is not on top of peg " + from
                    + " (" + a + ")");
        }
        if (!b.isEmpty() && b.peek() < disk) {
            throw new IllegalStateException("illegal move " + moves + ": disk " + disk + " onto smaller disk "
                    + b.peek() + " on peg " + to);
        }
        b.push(a.pop());
        moves++;
    }

    private Deque<Integer> peg(String name) {
        return pegs.computeIfAbsent(name, k -> new ArrayDeque<>());
    }

    public boolean verified() {
        return verified;
    }

    public long moves() {
        return moves;
    }
}
