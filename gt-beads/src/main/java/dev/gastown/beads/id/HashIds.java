package dev.gastown.beads.id;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Predicate;

/**
 * Mints {@code <prefix>-<hash>} ids the way the original does: sha256 over title, description, creator, creation
 * time and a nonce; the first bytes read as a big-endian number, written in base 36, keeping the last {@code L}
 * digits. {@code L} adapts to the number of top-level ids under the prefix so that the chance of a collision stays
 * at most 25%; taken ids are retried with ten nonces per length before growing the length.
 */
public final class HashIds {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 8;
    public static final double MAX_COLLISION_PROBABILITY = 0.25;
    private static final int NONCES_PER_LENGTH = 10;

    private HashIds() {
    }

    /** The shortest length whose birthday-collision probability for {@code existing} ids is acceptable. */
    public static int lengthFor(long existing) {
        for (int len = MIN_LENGTH; len < MAX_LENGTH; len++) {
            double space = Math.pow(36, len);
            double p = 1 - Math.exp(-((double) existing * existing) / (2 * space));
            if (p <= MAX_COLLISION_PROBABILITY) {
                return len;
            }
        }
        return MAX_LENGTH;
    }

    /**
     * A fresh id under {@code prefix} that {@code taken} rejects. Fails with {@link IllegalStateException} when every
     * candidate up to the maximum length is taken.
     */
    public static String mint(String prefix, String title, String description, String creator, long createdAtNanos,
            long existingTopLevel, Predicate<String> taken) {
        long nanos = createdAtNanos;
        for (int len = lengthFor(existingTopLevel); len <= MAX_LENGTH; len++) {
            for (int nonce = 0; nonce < NONCES_PER_LENGTH; nonce++) {
                String id = prefix + "-" + hash(title, description, creator, nanos, nonce, len);
                if (!taken.test(id)) {
                    return id;
                }
            }
        }
        throw new IllegalStateException("could not find a free id under prefix " + prefix);
    }

    static String hash(String title, String description, String creator, long epochNanos, int nonce, int length) {
        byte[] digest = sha256(title + "|" + description + "|" + creator + "|" + epochNanos + "|" + nonce);
        int bytes = switch (length) {
            case 3 -> 2;
            case 4 -> 3;
            case 5, 6 -> 4;
            default -> 5;
        };
        byte[] head = new byte[bytes];
        System.arraycopy(digest, 0, head, 0, bytes);
        String b36 = new BigInteger(1, head).toString(36);
        if (b36.length() < length) {
            b36 = "0".repeat(length - b36.length()) + b36;
        }
        return b36.substring(b36.length() - length);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
