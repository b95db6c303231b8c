package dev.confab.shared.crypto;

import dev.confab.shared.internal.SecureFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage (database columns, files) with AES-256-GCM under one 32-byte key kept
 * in a key file readable by its owner only.
 *
 * <p>A sealed value is {@code "v1:" + base64(12-byte random nonce || ciphertext || 16-byte tag)};
 * the {@code v1} prefix is also authenticated, so a value cannot be passed off as another format.
 * Opening refuses anything altered, truncated, of unknown format or sealed under another key.
 *
 * <p>Thread-safe: the key is immutable and each call uses its own {@link Cipher}.
 */
public final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final byte[] ASSOCIATED_DATA = PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Opens the key in {@code keyFile}, first creating it (mode 0600, 32 random bytes) when it does
     * not exist. Refuses a key file that the group or others may access, or that is not 32 bytes.
     */
    public static SecretBox openOrCreate(Path keyFile) {
        try {
            if (Files.notExists(keyFile)) {
                byte[] fresh = new byte[KEY_BYTES];
                RANDOM.nextBytes(fresh);
                SecureFiles.createExclusively(keyFile, fresh, SecureFiles.OWNER_ONLY);
                Arrays.fill(fresh, (byte) 0);
            }
            if (!SecureFiles.isOwnerOnly(keyFile)) {
                throw new CryptoException("Key file " + keyFile + " can be accessed by group or others (mode "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)) + "); restrict it"
                        + " with 'chmod 600 " + keyFile + "' and consider the key exposed.");
            }
            byte[] key = Files.readAllBytes(keyFile);
            if (key.length != KEY_BYTES) {
                throw new CryptoException("Key file " + keyFile + " holds " + key.length + " bytes but a key is "
                        + KEY_BYTES + " bytes; restore the file from a backup (a new key cannot open old secrets).");
            }
            return new SecretBox(key);
        } catch (IOException e) {
            throw new CryptoException("Cannot create or read key file " + keyFile + ": " + e
                    + "; check that its directory exists and is writable by this service.", e);
        }
    }

    /** Seals UTF-8 text. */
    public String seal(String plaintext) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Seals bytes; the result is text in the same format as {@link #seal(String)}. */
    public String seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, 0, plaintext.length);
        ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + ciphertext.length).put(nonce).put(ciphertext);
        return PREFIX + Base64.getEncoder().encodeToString(sealed.array());
    }

    /** Opens a value made by {@link #seal(String)}. */
    public String open(String sealed) {
        return new String(openBytes(sealed), StandardCharsets.UTF_8);
    }

    /** Opens a value made by {@link #seal(byte[])}. */
    public byte[] openBytes(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new CryptoException("Sealed value has an unknown format: it should start with '" + PREFIX
                    + "'. It was not made by this service, or was cut short when it was stored.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("Sealed value is not valid base64 after '" + PREFIX + "'; it was altered.", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("Sealed value is too short to be genuine; it was cut short or altered.");
        }
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        return crypt(Cipher.DECRYPT_MODE, nonce, bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new CryptoException("Sealed value failed authentication: it was altered, or sealed with a"
                    + " different key file than this one.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this Java runtime", e);
        }
    }
}
