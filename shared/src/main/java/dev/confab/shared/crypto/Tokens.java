package dev.confab.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random tokens (session ids, enrolment tokens, API keys) and their SHA-256 digests, which is what
 * gets stored so a leaked table does not leak usable tokens. Stateless and thread-safe.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** {@code bytes} random bytes from {@link SecureRandom}, base64url without padding. */
    public static String random(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("a token needs at least one byte, not " + bytes);
        }
        byte[] token = new byte[bytes];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Lowercase hex SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this Java runtime", e);
        }
    }
}
