package dev.confab.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow, salted hashes of web passwords in Django's format,
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}, the format of the reference platform's
 * {@code pass} field. Hashes made by Django verify here and the other way round: as in Django, the
 * salt text's bytes are the PBKDF2 salt. Confab's salts are 16 random bytes in base64 and the work
 * factor is {@value #DEFAULT_ITERATIONS} iterations of HMAC-SHA256.
 *
 * <p>Stateless and thread-safe.
 */
public final class PasswordHash {

    /** Iterations used by {@link #hash(char[])}; stored in each hash, so it can rise later. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    private static final String ALGORITHM = "pbkdf2_sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 100_000_000;
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2_sha256\\$([1-9][0-9]{0,8})\\$([^$]+)\\$([A-Za-z0-9+/]{43}=)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes {@code password} with a fresh salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** Hashes {@code password} with a fresh salt and the given work factor. */
    public static String hash(char[] password, int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new CryptoException("Password hash iterations must be between 1 and " + MAX_ITERATIONS
                    + ", not " + iterations + ".");
        }
        byte[] saltBytes = new byte[SALT_BYTES];
        RANDOM.nextBytes(saltBytes);
        String salt = Base64.getEncoder().withoutPadding().encodeToString(saltBytes);
        return ALGORITHM + "$" + iterations + "$" + salt + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /**
     * True when {@code password} matches {@code encoded}; false when it does not or when
     * {@code encoded} is not a hash in this format. Compares in constant time.
     */
    public static boolean verify(char[] password, String encoded) {
        Matcher parts = encoded == null ? null : FORMAT.matcher(encoded);
        if (parts == null || !parts.matches() || Integer.parseInt(parts.group(1)) > MAX_ITERATIONS) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts.group(3));
        byte[] actual = derive(password, parts.group(2), Integer.parseInt(parts.group(1)));
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when {@code value} has the shape of a hash in this format (as opposed to a plain password). */
    public static boolean isHash(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    private static byte[] derive(char[] password, String salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt.getBytes(StandardCharsets.UTF_8), iterations, HASH_BITS);
        try {
            // SunJCE encodes the password chars as UTF-8, as Django does
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
