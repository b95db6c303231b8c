package dev.confab.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * SHA-512 crypt hashes ({@code $6$salt$hash}), the form {@code /etc/shadow} and {@code chpasswd -e}
 * accept, for the SSH passwords of nodes. New hashes use a 16-character random salt and the
 * standard 5000 rounds; hashes with an explicit {@code rounds=} verify too.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShaCrypt {

    private static final String SALT_ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SALT_LENGTH = 16;
    /**
     * What glibc writes: {@code rounds=} only from 1000 (its minimum; a smaller value is written as
     * 1000, so a hash naming one never verifies) to 999,999,999, a salt of 1 to 16 characters, and
     * 86 characters of hash, the last of which carries only the 64th byte's top two bits and so is
     * one of {@code ./01}.
     */
    private static final Pattern FORMAT = Pattern.compile(
            "\\$6\\$(rounds=[1-9][0-9]{3,8}\\$)?[./0-9A-Za-z]{1,16}\\$[./0-9A-Za-z]{85}[./01]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShaCrypt() {
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static String hash(char[] password) {
        StringBuilder salt = new StringBuilder("$6$");
        for (int i = 0; i < SALT_LENGTH; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return crypt(password, salt.toString());
    }

    /** True when {@code password} matches {@code hash}; false when not or when {@code hash} is malformed. */
    public static boolean verify(char[] password, String hash) {
        if (!isSha512Crypt(hash)) {
            return false;
        }
        byte[] expected = hash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = crypt(password, hash).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * True when {@code value} is a well-formed SHA-512 crypt hash:
     * {@code $6$[rounds=N$]salt$hash}, as glibc's {@code crypt} writes it.
     */
    public static boolean isSha512Crypt(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    private static String crypt(char[] password, String salt) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        try {
            // the salt argument may be a whole hash: Sha2Crypt reads only its "$6$[rounds=N$]salt" head
            return Sha2Crypt.sha512Crypt(bytes, salt);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(encoded.array(), (byte) 0);
        }
    }
}
