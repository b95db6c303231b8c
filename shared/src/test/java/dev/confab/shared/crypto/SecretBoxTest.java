package dev.confab.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    @TempDir
    Path directory;

    @Test
    void opensWhatItSealed() {
        // Given a box with a fresh key file
        SecretBox box = SecretBox.openOrCreate(directory.resolve("secret.key"));
        // When a text is sealed and opened
        String sealed = box.seal("pa55-wörd");
        // Then the text comes back, and the stored form starts with the version
        assertEquals("pa55-wörd", box.open(sealed));
        assertTrue(sealed.startsWith("v1:"), sealed);
    }

    @Test
    void opensSealedBytes() {
        SecretBox box = SecretBox.openOrCreate(directory.resolve("secret.key"));
        byte[] secret = {0, 1, 2, (byte) 255};

        assertArrayEquals(secret, box.openBytes(box.seal(secret)));
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        SecretBox box = SecretBox.openOrCreate(directory.resolve("secret.key"));

        assertNotEquals(box.seal("same"), box.seal("same"));
    }

    @Test
    void createsAnOwnerOnlyKeyFileOf32Bytes() throws Exception {
        // When a box is opened where there is no key file
        Path keyFile = directory.resolve("secret.key");
        SecretBox.openOrCreate(keyFile);
        // Then the key file is 32 bytes that only the owner can read or write
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(32, Files.size(keyFile));
    }

    @Test
    void opensValuesSealedByAnEarlierBoxOnTheSameKeyFile() {
        Path keyFile = directory.resolve("secret.key");
        String sealed = SecretBox.openOrCreate(keyFile).seal("kept across restarts");

        assertEquals("kept across restarts", SecretBox.openOrCreate(keyFile).open(sealed));
    }

    @Test
    void refusesATamperedValue() {
        // Given a sealed value with one bit of its ciphertext flipped
        SecretBox box = SecretBox.openOrCreate(directory.resolve("secret.key"));
        byte[] raw = Base64.getDecoder().decode(box.seal("transfer 10 EUR").substring(3));
        raw[raw.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        // When it is opened, Then it is refused as altered
        CryptoException refused = assertThrows(CryptoException.class, () -> box.open(tampered));
        assertTrue(refused.getMessage().contains("altered"), refused.getMessage());
    }

    @Test
    void refusesAValueSealedWithAnotherKeyFile() {
        String sealed = SecretBox.openOrCreate(directory.resolve("one.key")).seal("secret");
        SecretBox other = SecretBox.openOrCreate(directory.resolve("other.key"));

        CryptoException refused = assertThrows(CryptoException.class, () -> other.open(sealed));
        assertTrue(refused.getMessage().contains("different key file"), refused.getMessage());
    }

    @Test
    void refusesAnUnknownFormat() {
        SecretBox box = SecretBox.openOrCreate(directory.resolve("secret.key"));

        CryptoException refused = assertThrows(CryptoException.class, () -> box.open("v2:AAAA"));
        assertTrue(refused.getMessage().contains("unknown format"), refused.getMessage());
        assertThrows(CryptoException.class, () -> box.open("v1:!!not base64!!"));
        assertThrows(CryptoException.class, () -> box.open("v1:AAAA"));
    }

    @Test
    void refusesAKeyFileThatOthersCanRead() throws Exception {
        // Given a key file of the right length with mode 0644
        Path keyFile = directory.resolve("secret.key");
        Files.write(keyFile, new byte[32]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        // When it is opened, Then it is refused with the fix
        CryptoException refused = assertThrows(CryptoException.class, () -> SecretBox.openOrCreate(keyFile));
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void refusesAKeyFileOfTheWrongLength() throws Exception {
        Path keyFile = directory.resolve("secret.key");
        Files.write(keyFile, new byte[16]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

        CryptoException refused = assertThrows(CryptoException.class, () -> SecretBox.openOrCreate(keyFile));
        assertTrue(refused.getMessage().contains("holds 16 bytes"), refused.getMessage());
    }
}
