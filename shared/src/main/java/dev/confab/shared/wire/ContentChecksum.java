package dev.confab.shared.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The checksum of replicated content, kept per object so that a change costs the objects it
 * touches, not the whole configuration: each object's digest is the SHA-256 of its resource name,
 * its id and its canonical JSON (keys sorted), and the checksum is the sum of every object's digest
 * modulo 2^256, as 64 hex digits. The sum does not depend on the order objects are added in, so
 * adding and taking away objects one by one gives what hashing the whole content at once gives.
 * Immutable and thread-safe.
 */
final class ContentChecksum {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    static final ContentChecksum EMPTY = new ContentChecksum(BigInteger.ZERO);

    private final BigInteger sum;
    /** {@link #hex()}, made when first asked for: every poll of every node compares it. */
    private volatile String hex;

    private ContentChecksum(BigInteger sum) {
        this.sum = sum;
    }

    /** The digest of one object of {@code resource}, as a non-negative number below 2^256. */
    static BigInteger digest(String resource, String id, Map<String, Object> object) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(resource.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(id.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(CANONICAL.writeValueAsBytes(object));
            return new BigInteger(1, sha256.digest());
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a replicated object cannot be hashed", e);
        }
    }

    ContentChecksum plus(BigInteger digest) {
        return new ContentChecksum(sum.add(digest).mod(MODULUS));
    }

    ContentChecksum minus(BigInteger digest) {
        return new ContentChecksum(sum.subtract(digest).mod(MODULUS));
    }

    /** 64 lower-case hex digits. */
    String hex() {
        String made = hex;
        if (made == null) {
            String digits = sum.toString(16);
            made = "0".repeat(64 - digits.length()) + digits;
            hex = made;
        }
        return made;
    }
}
